import Foundation
import Glibc

/// Why a ZIP could not be written or read.
public enum ZipError: Error, Equatable, CustomStringConvertible {
    case io(String)
    /// The archive is not laid out as Docket writes packs; the text says where.
    case malformed(String)

    public var description: String {
        switch self {
        case .io(let text): text
        case .malformed(let text): text
        }
    }
}
