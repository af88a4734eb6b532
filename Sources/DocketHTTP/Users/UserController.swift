import DocketCore
import DocketServices
import Hummingbird

/// Users, sign-in, tokens, agencies and keys over HTTP.
struct UserController {
    let docket: Docket

    struct Login: Decodable {
        let username: String
        let password: String
    }
    struct NewUserBody: Decodable {
        let username: String
        let roles: [String]
        let agency: String?
        let clearance: String?
        let password: String?
    }
    struct NewTokenBody: Decodable {
        let expiresInDays: Int?
    }
    struct AgencyRequest: Decodable {
        let code: String
        let name: String
    }

    /// The routes, relative to `/api/v1`.
    var routes: RouteCollection<DocketRequestContext> {
        let routes = RouteCollection(context: DocketRequestContext.self)
        routes.post("auth/login", use: login)
        routes.get("me", use: me)
        routes.get("users", use: listUsers)
        routes.post("users", use: addUser)
        routes.post("users/:username/disable", use: disableUser)
        routes.post("users/:username/tokens", use: createToken)
        routes.get("users/:username/tokens", use: listTokens)
        routes.delete("tokens/:id", use: revokeToken)
        routes.post("auth/logout", use: logout)
        routes.get("agencies", use: listAgencies)
        routes.post("agencies", use: createAgency)
        routes.get("keys", use: keyOverview)
        return routes
    }

    @Sendable func login(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<IssuedToken> {
        let body = try await request.decode(as: Login.self, context: context)
        return .init(status: .created, response: try await docket.users.login(
                username: body.username, password: body.password, address: context.clientAddress))
    }

    @Sendable func me(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try context.user()
    }

    @Sendable func listUsers(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.users.list(page: request.page(), as: context.user())
    }

    @Sendable func addUser(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<User> {
        let actor = try context.user()
        let body = try await request.decode(as: NewUserBody.self, context: context)
        let user = try await docket.users.add(
            NewUser(
                username: body.username, roles: body.roles, agency: body.agency, clearance: body.clearance,
                password: body.password),
            as: actor)
        return .init(status: .created, response: user)
    }

    @Sendable func disableUser(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.users.disable(context.parameters.value("username"), as: context.user())
    }

    @Sendable func createToken(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<IssuedToken> {
        let actor = try context.user()
        // The body is optional: without one the token lives as long as the owner's roles allow.
        var request = request
        let sent = try await request.collectBody(upTo: 64 << 10)
        let body = sent.readableBytes == 0 ? nil : try await request.decode(as: NewTokenBody.self, context: context)
        let token = try await docket.users.createToken(
            for: context.parameters.value("username"), expiresInDays: body?.expiresInDays, as: actor,
            grant: context.grant)
        return .init(status: .created, response: token)
    }

    @Sendable func listTokens(_ request: Request, context: DocketRequestContext) async throws -> [TokenView] {
        try await docket.users.tokens(of: context.parameters.value("username"), as: context.user())
    }

    @Sendable func revokeToken(_ request: Request, context: DocketRequestContext) async throws -> TokenView {
        try await docket.users.revokeToken(context.parameters.value("id"), as: context.user())
    }

    @Sendable func logout(_ request: Request, context: DocketRequestContext) async throws -> TokenView {
        guard let grant = context.grant else { throw DocketError.unauthenticated("sign out with the bearer token to end") }
        return try await docket.users.signOut(grant)
    }

    @Sendable func listAgencies(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.agencies.list(as: context.user())
    }

    @Sendable func createAgency(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<Agency> {
        let actor = try context.user()
        let body = try await request.decode(as: AgencyRequest.self, context: context)
        return .init(status: .created, response: try await docket.agencies.create(code: body.code, name: body.name, as: actor))
    }

    @Sendable func keyOverview(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try docket.keyring.show(as: context.user())
    }
}

extension IssuedToken: ResponseEncodable {}
extension TokenView: ResponseEncodable {}
extension User: ResponseEncodable {}
extension Agency: ResponseEncodable {}
extension KeyOverview: ResponseEncodable {}
