import DocketCore
import DocketServices
import Foundation
import Hummingbird
import HummingbirdAuth

/// Resolves `Authorization: Bearer …` to a user and its grant through the service layer.
struct TokenAuthenticator: RouterMiddleware {
    typealias Context = DocketRequestContext
    let docket: Docket

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.headers[.authorization] != nil else {
            // Only sign-in is open; every other route says who must ask before it reads the request.
            guard context.endpointPath == "/api/v1/auth/login" else {
                throw DocketError.unauthenticated("send a bearer token: Authorization: Bearer <token>")
            }
            return try await next(request, context)
        }
        guard let bearer = request.headers.bearer, !bearer.token.isEmpty else {
            throw DocketError.unauthenticated("the Authorization header must be 'Bearer <token>'")
        }
        let grant = try await docket.users.authenticate(token: bearer.token)
        var context = context
        context.identity = grant.user
        context.grant = grant
        context.actor.username = grant.user.username
        return try await next(request, context)
    }
}
