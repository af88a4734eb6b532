import DocketCore
import Foundation

/// One problem `store check` found.
public struct BlobProblem: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case missing, corrupt }
    public var documentID: String
    public var sha256: String
    public var kind: Kind
    public var detail: String
}
