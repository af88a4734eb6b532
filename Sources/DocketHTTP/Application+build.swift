import DocketServices
import Foundation
import Hummingbird
import Logging

/// How the HTTP server is run.
public struct HTTPSettings: Sendable {
    public var host: String
    public var port: Int
    /// Uploads larger than this are refused with 413 and store nothing.
    public var maxUploadSize: Int64
    /// Connections waiting to be accepted. A room of delegates checking in at once connects at once;
    /// past the queue the kernel drops their SYNs and each client waits a second to retry
    /// (Hummingbird's default is 256; Linux caps this at `net.core.somaxconn`, 4096 by default).
    public var backlog: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, maxUploadSize: Int64 = 512 << 20, backlog: Int = 4096) {
        self.host = host
        self.port = port
        self.maxUploadSize = maxUploadSize
        self.backlog = backlog
    }
}

/// The router with every route, over one open store.
public func buildRouter(docket: Docket, settings: HTTPSettings) -> Router<DocketRequestContext> {
    let router = Router(context: DocketRequestContext.self)
    let methods = RouteMethods()
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ErrorMiddleware(routes: methods))
    router.get("healthz") { _, _ in ["status": "ok"] }
    // One controller per module, each a collection of named handlers over the service layer.
    let documents = DocumentController(docket: docket, maxUploadSize: settings.maxUploadSize)
    let sessions = SessionController(docket: docket)
    let tasks = TaskController(docket: docket, maxUploadSize: settings.maxUploadSize)
    let records = RecordController(docket: docket, maxUploadSize: settings.maxUploadSize)
    router.group("api/v1").add(middleware: TokenAuthenticator(docket: docket))
        .addRoutes(UserController(docket: docket).routes)
        .addRoutes(documents.routes)
        .addRoutes(sessions.routes)
        .addRoutes(NoticeController(docket: docket).routes)
        .addRoutes(tasks.routes)
        .addRoutes(records.routes)
        .addRoutes(DossierController(docket: docket).routes)
        .addRoutes(AuditController(docket: docket).routes)
    // The pages, over the same controllers where a page is a download.
    let pages = PageRenderer()
    router.group("").add(middleware: WebErrorMiddleware(pages: pages))
        .add(middleware: WebAuthenticator(docket: docket, maxUploadSize: settings.maxUploadSize))
        .addRoutes(
            WebController(
                docket: docket, pages: pages, documents: documents, sessions: sessions, records: records, tasks: tasks,
                live: LiveQuorum()
            ).routes)
    methods.load(router.routes)
    return router
}

/// The application `docket serve` runs.
public func buildApplication(docket: Docket, settings: HTTPSettings, logger: Logger) -> some ApplicationProtocol {
    Application(
        router: buildRouter(docket: docket, settings: settings),
        configuration: .init(
            address: .hostname(settings.host, port: settings.port), serverName: "docket", backlog: settings.backlog),
        logger: logger)
}
