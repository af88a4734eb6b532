import DocketCore
import DocketServices
import Foundation
import Hummingbird

/// Registers, incoming and outgoing documents and their processing over HTTP. The original is
/// uploaded first (`POST /documents`) and named by its id, so a registration is one JSON request.
struct RecordController {
    let docket: Docket
    let maxUploadSize: Int64

    struct RegisterRequest: Decodable {
        let code: String
        let kind: String
        let name: String?
        let issuer: String?
        let numbering: String?
        let period: String?
        let term: String?
        let seriesPerType: Bool?
        let secretSeries: Bool?
    }

    struct SeriesStartRequest: Decodable {
        let type: String
        let classification: String?
        let year: Int?
        let next: Int
        let reason: String
    }

    struct IncomingRequest: Decodable {
        let register: String?
        let document: String?
        let sender: String
        let senderSymbol: String
        let senderDate: String?
        let type: String?
        let summary: String
        let classification: String?
        let urgency: String?
        let pages: Int?
        let arrivedAt: String?
        let deadline: String?
        let note: String?
        let backEntered: Bool?
        let number: Int?
        /// The detached CMS signature over the original, base64.
        let signature: String?
    }

    struct OutgoingRequest: Decodable {
        let register: String?
        let document: String?
        let type: String
        let summary: String
        let date: String?
        let signer: String?
        let recipients: [String]?
        let keptBy: String?
        let copies: Int?
        let classification: String?
        let urgency: String?
        let pages: Int?
        let answers: String?
        let note: String?
        let backEntered: Bool?
        let number: Int?
    }

    struct SubmitRequest: Decodable {
        let leader: String
        let note: String?
    }

    struct DirectRequest: Decodable {
        let text: String
        let handler: String
        let coordinating: [String]?
        let deadline: String?
        let plan: String?
    }

    struct TextRequest: Decodable {
        let text: String
    }

    struct ForwardRequest: Decodable {
        let handler: String
        let text: String
    }

    struct DoneRequest: Decodable {
        let answer: String?
        let note: String?
    }

    struct ReasonRequest: Decodable {
        let reason: String
    }

    /// The routes, relative to `/api/v1`.
    var routes: RouteCollection<DocketRequestContext> {
        let routes = RouteCollection(context: DocketRequestContext.self)
        routes.get("registers", use: listRegisters)
        routes.post("registers", use: createRegister)
        routes.get("registers/:register/entries", use: listRegisterEntries)
        routes.get("registers/:register/sheet", use: printRegister)
        routes.get("registers/:register/gaps", use: registerGaps)
        routes.post("registers/:register/series", use: startSeries)
        routes.post("registers/:register/import", use: importRegister)
        routes.post("incoming", use: registerIncoming)
        routes.post("outgoing", use: registerOutgoing)
        routes.get("entries/:id", use: getRegisterEntry)
        routes.post("entries/:id/withdrawal", use: withdrawEntry)
        routes.post("incoming/:id/submission", use: submitIncoming)
        routes.post("incoming/:id/direction", use: directIncoming)
        routes.post("incoming/:id/opinions", use: addOpinion)
        routes.post("incoming/:id/forward", use: forwardIncoming)
        routes.post("incoming/:id/done", use: finishIncoming)
        routes.post("incoming/:id/return", use: returnIncoming)
        routes.get("me/queue", use: listQueue)
        routes.get("reports/incoming/overdue", use: listOverdueIncoming)
        routes.get("search", use: searchRecords)
        routes.get("search/dossiers", use: searchDossiers)
        return routes
    }

    @Sendable func listRegisters(_ request: Request, context: DocketRequestContext) async throws -> Paged<Register> {
        try await docket.records.registers(page: request.page(), as: context.user())
    }

    @Sendable func createRegister(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<Register> {
        let actor = try context.user()
        let body = try await request.decode(as: RegisterRequest.self, context: context)
        let new = try NewRegister(
            code: body.code, name: body.name, kind: body.kind, issuer: body.issuer, numbering: body.numbering,
            period: body.period, term: body.term, seriesPerType: body.seriesPerType, secretSeries: body.secretSeries)
        return .init(status: .created, response: try await docket.records.createRegister(new, as: actor))
    }

    @Sendable func startSeries(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<SeriesStart> {
        let actor = try context.user()
        let body = try await request.decode(as: SeriesStartRequest.self, context: context)
        let start = try await docket.records.startSeries(
            register: context.parameters.require("register"), type: body.type,
            classification: try Classification.parse(optional: body.classification, field: "classification") ?? .internal,
            year: body.year, next: body.next, reason: body.reason, as: actor)
        return .init(status: .created, response: start)
    }

    @Sendable func listRegisterEntries(_ request: Request, context: DocketRequestContext) async throws -> Paged<RegisterEntry> {
        try await docket.records.entries(
            register: context.parameters.require("register"), year: request.queryInt("year"), page: request.page(),
            as: context.user())
    }

    @Sendable func printRegister(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let actor = try context.user()
        let format = try SheetFormat.parse(optional: request.query("format"), field: "format") ?? .json
        let sheet = try await docket.records.sheet(
            register: context.parameters.require("register"), year: request.queryInt("year"), as: actor)
        var headers = HTTPFields()
        headers[.contentType] = format.mediaType
        if format == .xlsx { headers[.contentDisposition] = #"attachment; filename="register-\#(sheet.year).xlsx""# }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try await sheet.file(format))))
    }

    @Sendable func registerGaps(_ request: Request, context: DocketRequestContext) async throws -> GapReport {
        try await docket.records.gaps(register: context.parameters.require("register"), year: request.queryInt("year"), as: context.user())
    }

    @Sendable func importRegister(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let actor = try context.user()
        let file = try await request.body.collect(upTo: Int(maxUploadSize))
        return try await docket.records.importRegister(
            file: Data(file.readableBytesView), register: context.parameters.require("register"), as: actor)
    }

    @Sendable func registerIncoming(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<RegisterEntry> {
        let actor = try context.user()
        let body = try await request.decode(as: IncomingRequest.self, context: context)
        let new = try NewIncoming(
            register: body.register, sender: body.sender, senderSymbol: body.senderSymbol, senderDate: body.senderDate,
            type: body.type, summary: body.summary, classification: body.classification, urgency: body.urgency,
            pages: body.pages, arrivedAt: body.arrivedAt, deadline: body.deadline, note: body.note,
            signature: try body.signature.map { text in
                guard let data = Data(base64Encoded: text) else {
                    throw DocketError.invalid("signature", "the signature is base64 of the .p7s file's bytes")
                }
                return data
            }, backEntered: body.backEntered ?? false, number: body.number, zone: docket.configuration.timeZone)
        let entry = try await docket.records.registerIncoming(new, original: body.document.map { .stored(id: $0) }, as: actor)
        return .init(status: .created, response: entry)
    }

    @Sendable func registerOutgoing(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<RegisterEntry> {
        let actor = try context.user()
        let body = try await request.decode(as: OutgoingRequest.self, context: context)
        let new = try NewOutgoing(
            register: body.register, type: body.type, summary: body.summary, date: body.date, signer: body.signer,
            recipients: body.recipients ?? [], keptBy: body.keptBy, copies: body.copies, classification: body.classification,
            urgency: body.urgency, pages: body.pages, answers: body.answers, note: body.note,
            backEntered: body.backEntered ?? false, number: body.number)
        let entry = try await docket.records.registerOutgoing(new, original: body.document.map { .stored(id: $0) }, as: actor)
        return .init(status: .created, response: entry)
    }

    @Sendable func getRegisterEntry(_ request: Request, context: DocketRequestContext) async throws -> RegisterEntryDetail {
        try await docket.records.entry(context.parameters.require("id"), as: context.user())
    }

    @Sendable func withdrawEntry(_ request: Request, context: DocketRequestContext) async throws -> RegisterEntry {
        let actor = try context.user()
        let body = try await request.decode(as: ReasonRequest.self, context: context)
        return try await docket.records.withdraw(context.parameters.require("id"), reason: body.reason, as: actor)
    }

    @Sendable func submitIncoming(_ request: Request, context: DocketRequestContext) async throws -> RegisterEntryDetail {
        let actor = try context.user()
        let body = try await request.decode(as: SubmitRequest.self, context: context)
        return try await docket.records.submit(context.parameters.require("id"), to: body.leader, note: body.note, as: actor)
    }

    @Sendable func directIncoming(_ request: Request, context: DocketRequestContext) async throws -> RegisterEntryDetail {
        let actor = try context.user()
        let body = try await request.decode(as: DirectRequest.self, context: context)
        return try await docket.records.direct(
            context.parameters.require("id"), text: body.text, handler: body.handler, coordinating: body.coordinating ?? [],
            deadline: body.deadline, plan: body.plan, as: actor)
    }

    @Sendable func addOpinion(_ request: Request, context: DocketRequestContext) async throws -> RegisterEntryDetail {
        let actor = try context.user()
        let body = try await request.decode(as: TextRequest.self, context: context)
        return try await docket.records.opinion(context.parameters.require("id"), text: body.text, as: actor)
    }

    @Sendable func forwardIncoming(_ request: Request, context: DocketRequestContext) async throws -> RegisterEntryDetail {
        let actor = try context.user()
        let body = try await request.decode(as: ForwardRequest.self, context: context)
        return try await docket.records.forward(context.parameters.require("id"), to: body.handler, text: body.text, as: actor)
    }

    @Sendable func finishIncoming(_ request: Request, context: DocketRequestContext) async throws -> RegisterEntryDetail {
        let actor = try context.user()
        let body = try await request.decode(as: DoneRequest.self, context: context)
        return try await docket.records.finish(context.parameters.require("id"), answer: body.answer, note: body.note, as: actor)
    }

    @Sendable func returnIncoming(_ request: Request, context: DocketRequestContext) async throws -> RegisterEntryDetail {
        let actor = try context.user()
        let body = try await request.decode(as: ReasonRequest.self, context: context)
        return try await docket.records.sendBack(context.parameters.require("id"), reason: body.reason, as: actor)
    }

    @Sendable func listQueue(_ request: Request, context: DocketRequestContext) async throws -> Paged<RegisterEntry> {
        try await docket.records.queue(page: request.page(), as: context.user())
    }

    @Sendable func listOverdueIncoming(_ request: Request, context: DocketRequestContext) async throws -> OverdueRecords {
        try await docket.records.overdue(asOf: request.query("asOf"), as: context.user())
    }

    @Sendable func searchDossiers(_ request: Request, context: DocketRequestContext) async throws -> Paged<DossierHit> {
        try await docket.records.searchDossiers(SearchRequest(text: request.query("q") ?? ""), page: request.page(), as: context.user())
    }

    @Sendable func searchRecords(_ request: Request, context: DocketRequestContext) async throws -> SearchResults {
        let search = try SearchRequest(
            text: request.query("q") ?? "", register: request.query("register"), year: request.queryInt("year"),
            type: request.query("type"), sender: request.query("sender"), unit: request.query("unit"),
            classification: request.query("classification"),
            state: request.query("state"), from: request.query("from"), to: request.query("to"),
            facets: request.query("facets") == "true")
        return try await docket.records.search(search, page: request.page(), as: context.user())
    }
}

extension RegisterImportResult: ResponseEncodable {}
extension Register: ResponseEncodable {}
extension SearchResults: ResponseEncodable {}
extension RegisterEntry: ResponseEncodable {}
extension RegisterEntryDetail: ResponseEncodable {}
extension GapReport: ResponseEncodable {}
extension SeriesStart: ResponseEncodable {}
extension OverdueRecords: ResponseEncodable {}
