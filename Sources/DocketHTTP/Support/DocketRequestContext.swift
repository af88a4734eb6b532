import DocketCore
import DocketServices
import Foundation
import Hummingbird
import HummingbirdAuth

/// The request context: Hummingbird's core storage plus who is asking.
public struct DocketRequestContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The user the bearer token belongs to, once `TokenAuthenticator` has run.
    public var identity: User?
    /// The bearer token the request came with, resolved: new tokens may not outlive it.
    public var grant: Authenticated?
    /// A page's CSRF token, once `WebAuthenticator` has run.
    var csrf: String?
    /// A page's submitted form, its CSRF token checked.
    var form: WebForm?
    /// The client's IP address, which sign-in throttling counts by.
    public let clientAddress: String
    /// Who the request log names: the context is copied down the middleware chain, so the
    /// authenticator writes it into this box, which the log outside it reads.
    let actor = RequestActor()

    public init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
        grant = nil
        csrf = nil
        form = nil
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    public var requestDecoder: JSONDecoder { DocketJSON.decoder }
    public var responseEncoder: JSONEncoder { DocketJSON.compact }

    /// The authenticated user, or a 401.
    func user() throws -> User {
        guard let identity else {
            throw DocketError.unauthenticated("send a bearer token: Authorization: Bearer <token>")
        }
        return identity
    }
}

/// The user a request acted as, for its log line: set once by the authenticator, read once by the
/// request log after the response, both on the request's own task.
final class RequestActor: @unchecked Sendable {
    var username: String?
}

extension Parameters {
    /// A path parameter, percent-decoded: a client sends the body code `BCĐCĐS` as `BC%C4%90C%C4%90S`.
    func value(_ name: String) throws -> String {
        guard let decoded = try require(name).removingPercentEncoding else {
            throw DocketError.invalid(name, "the path has a malformed percent-encoding")
        }
        return decoded
    }
}
