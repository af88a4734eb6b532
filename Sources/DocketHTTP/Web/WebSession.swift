import DocketCore
import DocketCrypto
import DocketServices
import Foundation
import HTTPTypes
import Hummingbird

/// The browser's sign-in: the same bearer token the API uses, kept in an HttpOnly, SameSite=Strict
/// cookie, so a page session expires and is revoked exactly as a token is. Every form carries a
/// CSRF token derived from it, which another site can neither read nor compute.
enum WebSession {
    static let cookie = "docket_session"
    /// Before sign-in there is no session to derive from: the sign-in form's token is a random
    /// value in this cookie, submitted again with the form.
    static let signInCookie = "docket_signin"

    /// The CSRF token of the session whose bearer token is `token`.
    static func csrf(for token: String) -> String { SHA256Hasher.hex(of: "docket-csrf\n" + token) }

    /// Refuses a form whose token is missing or is not `expected`, before anything reads the form.
    static func check(_ sent: String?, expected: String?) throws {
        guard let sent, let expected, same(sent, expected) else {
            throw DocketError.forbidden("the form's security token is missing or wrong; reload the page and send it again")
        }
    }

    /// `Set-Cookie` for a session: `Secure` when the request came through TLS (a proxy says so in
    /// `X-Forwarded-Proto`).
    static func setCookie(_ name: String, _ value: String, maxAge: Int, request: Request) -> String {
        let secure = request.headers[.forwardedProto] == "https" ? "; Secure" : ""
        return "\(name)=\(value); Path=/; Max-Age=\(max(0, maxAge)); HttpOnly; SameSite=Strict\(secure)"
    }

    /// A cookie's value from the request's `Cookie` headers.
    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == name, !parts[1].isEmpty { return parts[1] }
            }
        }
        return nil
    }

    /// Whether two tokens are equal, comparing every byte whatever the first difference.
    private static func same(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Resolves the session cookie to its user for every page; a page asked without one is sent to
/// the sign-in page. A form sent without its session's CSRF token is refused before it is read.
struct WebAuthenticator: RouterMiddleware {
    typealias Context = DocketRequestContext
    let docket: Docket
    let maxUploadSize: Int64
    /// Pages anyone may ask for.
    static let open: Set<String> = ["/sign-in", "/assets/docket.css"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.open.contains(context.endpointPath ?? "") { return try await next(request, context) }
        guard let token = WebSession.cookie(WebSession.cookie, in: request),
            let grant = try? await docket.users.authenticate(token: token)
        else {
            return WebController.redirect("/sign-in")
        }
        var context = context
        context.identity = grant.user
        context.grant = grant
        context.csrf = WebSession.csrf(for: token)
        context.actor.username = grant.user.username
        if request.method == .post {
            let form = try await WebForm(request, maxUploadSize: maxUploadSize)
            try WebSession.check(form["csrf"], expected: context.csrf)
            context.form = form
        }
        return try await next(request, context)
    }
}
