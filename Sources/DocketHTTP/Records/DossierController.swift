import DocketCore
import DocketServices
import Foundation
import Hummingbird

/// Filing plans, dossiers, holds, disposal and transfer to the archive over HTTP.
struct DossierController {
    let docket: Docket

    struct PlanRequest: Decodable {
        struct Heading: Decodable {
            let code: String
            let title: String
            let retention: String
            let responsible: String?
        }

        let unit: String
        let year: Int
        let headings: [Heading]
    }

    struct OpenRequest: Decodable {
        let unit: String
        let year: Int
        let heading: String
        let title: String
        let clerk: String?
        let accessLevel: String?
        let language: String?
        let openedOn: String?
    }

    struct AddRequest: Decodable {
        let entry: String?
        let document: String?
        let note: String?
    }

    struct CloseRequest: Decodable {
        let closedOn: String?
    }

    struct RetentionRequest: Decodable {
        let retention: String
        let reason: String
    }

    struct DossiersRequest: Decodable {
        let dossiers: [String]
        let reason: String?
    }

    struct ReasonRequest: Decodable {
        let reason: String
    }

    /// The routes, relative to `/api/v1`.
    var routes: RouteCollection<DocketRequestContext> {
        let routes = RouteCollection(context: DocketRequestContext.self)
        routes.get("filing-plans", use: listFilingPlans)
        routes.post("filing-plans", use: createFilingPlan)
        routes.post("filing-plans/:id/approval", use: approveFilingPlan)
        routes.get("dossiers", use: listDossiers)
        routes.post("dossiers", use: openDossier)
        routes.get("dossiers/:code", use: getDossier)
        routes.post("dossiers/:code/documents", use: fileInDossier)
        routes.post("dossiers/:code/closure", use: closeDossier)
        routes.post("dossiers/:code/retention", use: raiseRetention)
        routes.post("holds", use: placeHold)
        routes.post("holds/:id/release", use: releaseHold)
        routes.get("reports/dossiers/due-for-disposal", use: listDueForDisposal)
        routes.get("reports/dossiers/due-for-transfer", use: listDueForTransfer)
        routes.post("disposals", use: disposeDossiers)
        routes.post("transfers", use: transferDossiers)
        routes.get("archive-pack", use: downloadArchivePack)
        return routes
    }

    @Sendable func listFilingPlans(_ request: Request, context: DocketRequestContext) async throws -> [FilingPlan] {
        guard let unit = request.query("unit"), let year = try request.queryInt("year") else {
            throw DocketError.invalid("unit", "say whose plans: ?unit=CODE&year=YYYY")
        }
        return try await docket.records.plans(unit: unit, year: year, as: context.user())
    }

    @Sendable func createFilingPlan(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<FilingPlan> {
        let actor = try context.user()
        let body = try await request.decode(as: PlanRequest.self, context: context)
        let new = try NewFilingPlan(
            unit: body.unit, year: body.year, headings: body.headings.map { ($0.code, $0.title, $0.retention, $0.responsible) })
        return .init(status: .created, response: try await docket.records.createPlan(new, as: actor))
    }

    @Sendable func approveFilingPlan(_ request: Request, context: DocketRequestContext) async throws -> FilingPlan {
        try await docket.records.approvePlan(context.parameters.require("id"), as: context.user())
    }

    @Sendable func listDossiers(_ request: Request, context: DocketRequestContext) async throws -> Paged<Dossier> {
        try await docket.records.dossiers(state: request.query("state"), page: request.page(), as: context.user())
    }

    @Sendable func openDossier(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<Dossier> {
        let actor = try context.user()
        let body = try await request.decode(as: OpenRequest.self, context: context)
        let dossier = try await docket.records.openDossier(
            unit: body.unit, year: body.year, heading: body.heading, title: body.title, clerk: body.clerk,
            accessLevel: body.accessLevel, language: body.language, openedOn: body.openedOn, as: actor)
        return .init(status: .created, response: dossier)
    }

    @Sendable func getDossier(_ request: Request, context: DocketRequestContext) async throws -> DossierView {
        try await docket.records.dossier(context.parameters.require("code"), as: context.user())
    }

    @Sendable func fileInDossier(_ request: Request, context: DocketRequestContext) async throws -> DossierView {
        let actor = try context.user()
        let body = try await request.decode(as: AddRequest.self, context: context)
        return try await docket.records.addToDossier(
            context.parameters.require("code"), entry: body.entry, document: body.document, note: body.note, as: actor)
    }

    @Sendable func closeDossier(_ request: Request, context: DocketRequestContext) async throws -> Dossier {
        let actor = try context.user()
        let body = try await request.decode(as: CloseRequest.self, context: context)
        return try await docket.records.closeDossier(context.parameters.require("code"), on: body.closedOn, as: actor)
    }

    @Sendable func raiseRetention(_ request: Request, context: DocketRequestContext) async throws -> Dossier {
        let actor = try context.user()
        let body = try await request.decode(as: RetentionRequest.self, context: context)
        return try await docket.records.raiseRetention(
            context.parameters.require("code"), to: body.retention, reason: body.reason, as: actor)
    }

    @Sendable func placeHold(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<Hold> {
        let actor = try context.user()
        let body = try await request.decode(as: DossiersRequest.self, context: context)
        return .init(status: .created, response: try await docket.records.placeHold(on: body.dossiers, reason: body.reason ?? "", as: actor))
    }

    @Sendable func releaseHold(_ request: Request, context: DocketRequestContext) async throws -> Hold {
        let actor = try context.user()
        let body = try await request.decode(as: ReasonRequest.self, context: context)
        return try await docket.records.releaseHold(context.parameters.require("id"), reason: body.reason, as: actor)
    }

    @Sendable func listDueForDisposal(_ request: Request, context: DocketRequestContext) async throws -> [DueDossier] {
        try await docket.records.dueForDisposal(asOf: request.query("asOf"), as: context.user())
    }

    @Sendable func listDueForTransfer(_ request: Request, context: DocketRequestContext) async throws -> [DueDossier] {
        try await docket.records.dueForTransfer(asOf: request.query("asOf"), as: context.user())
    }

    @Sendable func disposeDossiers(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<DisposalRecord> {
        let actor = try context.user()
        let body = try await request.decode(as: DossiersRequest.self, context: context)
        return .init(status: .created, response: try await docket.records.dispose(body.dossiers, reason: body.reason ?? "", as: actor))
    }

    @Sendable func transferDossiers(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let actor = try context.user()
        let body = try await request.decode(as: DossiersRequest.self, context: context)
        return .download(try await docket.records.transfer(body.dossiers, as: actor), status: .created)
    }

    @Sendable func downloadArchivePack(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let codes = (request.query("dossiers") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return .download(try await docket.records.archivePack(codes.filter { !$0.isEmpty }, as: context.user()))
    }
}

extension FilingPlan: ResponseEncodable {}
extension Dossier: ResponseEncodable {}
extension DossierView: ResponseEncodable {}
extension Hold: ResponseEncodable {}
extension DueDossier: ResponseEncodable {}
extension DisposalRecord: ResponseEncodable {}
