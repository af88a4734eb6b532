import DocketCore
import DocketServices
import Foundation
import Hummingbird
import HummingbirdAuth

/// The request context: Hummingbird's core storage plus the authenticated user.
public struct DocketRequestContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The user the bearer token belongs to, once `TokenAuthenticator` has run.
    public var identity: User?

    public init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
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

/// Resolves `Authorization: Bearer …` to a user through the service layer.
struct TokenAuthenticator: AuthenticatorMiddleware {
    typealias Context = DocketRequestContext
    let docket: Docket

    func authenticate(request: Request, context: Context) async throws -> User? {
        guard request.headers[.authorization] != nil else { return nil }
        guard let bearer = request.headers.bearer, !bearer.token.isEmpty else {
            throw DocketError.unauthenticated("the Authorization header must be 'Bearer <token>'")
        }
        return try await docket.users.authenticate(token: bearer.token)
    }
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
