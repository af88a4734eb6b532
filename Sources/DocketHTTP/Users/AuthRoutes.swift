import DocketCore
import DocketServices
import Hummingbird

/// Logging in and asking who you are.
struct AuthRoutes {
    let docket: Docket

    struct Login: Decodable {
        let username: String
        let password: String
    }

    func add(to group: RouterGroup<DocketRequestContext>) {
        group.post("auth/login") { request, context -> EditedResponse<IssuedToken> in
            let body = try await request.decode(as: Login.self, context: context)
            return .init(status: .created, response: try await docket.users.login(
                    username: body.username, password: body.password, address: context.clientAddress))
        }
        group.get("me") { _, context in UserView(try context.user()) }
    }
}

extension IssuedToken: ResponseEncodable {}
extension UserView: ResponseEncodable {}
