import DocketCore
import Foundation

/// A register entry with its processing history.
public struct RegisterEntryDetail: Sendable, Codable {
    public var entry: RegisterEntry
    public var steps: [ProcessingStep]
}
