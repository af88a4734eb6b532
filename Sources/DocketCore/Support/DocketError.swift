import Foundation

/// The one error type every service throws: a stable code, a message a clerk can act on,
/// and the offending field or value when there is one.
public struct DocketError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Stable error codes; front ends map them to exit codes and HTTP statuses.
    public enum Code: String, Sendable, Codable, CaseIterable {
        case invalidInput = "invalid_input"
        case notFound = "not_found"
        case unauthenticated
        case forbidden
        case conflict
        case tooLarge = "too_large"
        case verificationFailed = "verification_failed"
        case keyUnavailable = "key_unavailable"
        case tooManyRequests = "too_many_requests"
        case internalError = "internal_error"
    }

    public let code: Code
    public let message: String
    public let field: String?
    /// Seconds to wait before trying again, for `tooManyRequests`.
    public let retryAfter: Int?

    public init(_ code: Code, _ message: String, field: String? = nil, retryAfter: Int? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.retryAfter = retryAfter
    }

    public var description: String { message }

    /// Input that fails validation: name the field and say what is expected.
    public static func invalid(_ field: String, _ message: String) -> DocketError {
        DocketError(.invalidInput, message, field: field)
    }

    /// No such object; `kind` is e.g. "document".
    public static func notFound(_ kind: String, _ id: String) -> DocketError {
        DocketError(.notFound, "no \(kind) with id \(id)", field: "id")
    }

    /// Missing, unknown, expired or disabled credentials.
    public static func unauthenticated(_ message: String) -> DocketError {
        DocketError(.unauthenticated, message)
    }

    /// Authenticated, but not allowed.
    public static func forbidden(_ message: String) -> DocketError {
        DocketError(.forbidden, message)
    }
}
