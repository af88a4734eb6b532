import DocketCore
import DocketServices
import Hummingbird

/// Users and tokens (admin).
struct UserRoutes {
    let docket: Docket

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

    func add(to group: RouterGroup<DocketRequestContext>) {
        group.get { request, context in
            try await docket.users.list(page: request.page(), as: context.user()).map(UserView.init)
        }
        group.post { request, context -> EditedResponse<UserView> in
            let actor = try context.user()
            let body = try await request.decode(as: NewUserBody.self, context: context)
            let user = try await docket.users.add(
                NewUser(
                    username: body.username, roles: Role.parseList(body.roles.joined(separator: ","), field: "roles"),
                    agency: body.agency, clearance: Classification.parse(body.clearance ?? "internal", field: "clearance"),
                    password: body.password),
                as: actor)
            return .init(status: .created, response: UserView(user))
        }
        group.post(":username/disable") { _, context in
            UserView(try await docket.users.disable(context.parameters.value("username"), as: context.user()))
        }
        group.post(":username/tokens") { request, context -> EditedResponse<IssuedToken> in
            let actor = try context.user()
            let body = try await request.decode(as: NewTokenBody.self, context: context)
            let token = try await docket.users.createToken(
                for: context.parameters.value("username"), expiresInDays: body.expiresInDays, as: actor,
                grant: context.grant)
            return .init(status: .created, response: token)
        }
    }
}

extension Paged: ResponseEncodable {}
