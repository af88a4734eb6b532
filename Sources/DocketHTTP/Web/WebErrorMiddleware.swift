import DocketCore
import Foundation
import HTTPTypes
import Hummingbird

/// A page's errors as a page: what went wrong in Vietnamese with the service's own message, the
/// status the API would give, and a way back. A page asked without a session goes to sign-in.
struct WebErrorMiddleware: RouterMiddleware {
    typealias Context = DocketRequestContext
    let pages: PageRenderer

    struct ErrorView {
        let page: Chrome
        let heading: String
        let detail: String
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as DocketError {
            if error.code == .unauthenticated { return WebController.redirect("/sign-in") }
            let heading =
                switch error.code {
                case .notFound: "Không tìm thấy"
                case .forbidden: "Không được phép"
                case .invalidInput: "Thông tin chưa đúng"
                case .conflict: "Chưa thể thực hiện"
                case .tooLarge: "Tệp quá lớn"
                case .tooManyRequests: "Thử lại quá nhiều lần"
                default: "Có lỗi"
                }
            return pages.page(
                "error", ErrorView(page: Chrome(heading, context: context), heading: heading, detail: error.message),
                status: ErrorMiddleware<Context>.status(error.code))
        }
    }
}
