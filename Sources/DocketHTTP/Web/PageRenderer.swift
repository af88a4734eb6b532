import DocketCore
import DocketServices
import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The page templates (`Web/Templates`, Mustache, shipped as the module's resources), loaded once.
/// A page handler makes one view value and renders it here; templates hold no logic.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    /// Why the templates could not be loaded (a broken installation): every page then says so.
    let problem: String?

    init() {
        do {
            guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
                throw DocketError(.internalError, "the page templates are missing from the installation")
            }
            var library = MustacheLibrary()
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".mustache") }
            for file in files.sorted() {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            }
            (self.library, problem) = (library, nil)
        } catch {
            (library, problem) = (MustacheLibrary(), "the page templates could not be loaded: \(error)")
        }
    }

    /// `view` rendered with `template` as an HTML response.
    func page(_ template: String, _ view: Any, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var status = status
        var html = library.render(view, withTemplate: template) ?? ""
        if html.isEmpty {
            status = .internalServerError
            html = "<!doctype html><html lang=\"vi\"><title>Docket</title><p>Lỗi cài đặt: \(HTML.escape(problem ?? "no template \(template)"))</p></html>"
        }
        var headers = headers
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] = "default-src 'self'; frame-ancestors 'none'; form-action 'self'"
        headers[.contentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A page with a form: 422 when the form came back with a problem, else 200.
    func page<View: PageView>(_ template: String, _ view: View) -> Response {
        page(template, view as Any, status: view.page.status)
    }

    /// The stylesheet every page links to.
    static let stylesheet = asset("docket", "css")
    /// The session page's script: polls the attendance counts.
    static let liveScript = asset("live", "js")

    private static func asset(_ name: String, _ ext: String) -> ByteBuffer? {
        Bundle.module.url(forResource: "Assets/" + name, withExtension: ext).flatMap { try? Data(contentsOf: $0) }
            .map { ByteBuffer(bytes: $0) }
    }
}

/// What the layout shows around every page: the title, who is signed in, the form token, and
/// which of the menu's entries are for them.
struct Chrome: Sendable {
    let title: String
    let username: String?
    let csrf: String?
    /// Menu entries by what the user may do, as the service layer decides it.
    let readsRecords: Bool
    let registers: Bool
    let audits: Bool
    let reportsTasks: Bool
    /// A message to show at the top, e.g. after a form was sent.
    let notice: String?
    /// What was wrong with a form sent back, naming the field.
    let problem: String?
    /// 422 for a form sent back with a problem.
    var status: HTTPResponse.Status { problem == nil ? .ok : .unprocessableContent }

    init(_ title: String, context: DocketRequestContext, notice: String? = nil, problem: DocketError? = nil) {
        self.title = title
        username = context.identity?.username
        csrf = context.csrf
        let may = { (permission: Permission) in context.identity?.hasAny(permission.roles) ?? false }
        readsRecords = may(.readAllRecords)
        registers = may(.manageRecords)
        audits = may(.readAudit)
        reportsTasks = may(.readAllTasks)
        self.notice = notice
        self.problem = problem.map { error in error.field.map { "Trường \($0): \(error.message)" } ?? error.message }
    }
}

extension HTTPField.Name {
    // Names HTTPTypes does not define; the literals are valid field names.
    static let contentSecurityPolicy = Self("Content-Security-Policy")!
    static let contentTypeOptions = Self("X-Content-Type-Options")!
    static let forwardedProto = Self("X-Forwarded-Proto")!
}

/// A page view whose chrome may carry a form's problem, which sets its status.
protocol PageView {
    var page: Chrome { get }
}

extension WebController.IncomingFormView: PageView {}
extension WebController.EntryView: PageView {}
extension WebController.SearchView: PageView {}
extension WebController.DossierPageView: PageView {}
extension WebController.TasksView: PageView {}
extension WebController.ReportView: PageView {}
