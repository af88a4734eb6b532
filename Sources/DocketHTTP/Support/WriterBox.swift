import DocketCore
import DocketPack
import DocketServices
import Foundation
import Hummingbird

/// Lets the pack's sink, which outlives one call, write to the response.
final class WriterBox: @unchecked Sendable {
    var writer: any ResponseBodyWriter
    init(_ writer: any ResponseBodyWriter) { self.writer = writer }
}
