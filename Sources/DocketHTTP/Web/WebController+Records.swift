import DocketCore
import DocketServices
import Foundation
import HTTPTypes
import Hummingbird

/// The clerk's pages of the work records: registers printed as the book, registering an arrived
/// document with its file, an entry with its processing, and search.
extension WebController {
    struct RegisterRow {
        let code: String
        let name: String
        let kind: String
    }

    struct RegistersView {
        let page: Chrome
        let registers: [RegisterRow]
        let year: Int
    }

    @Sendable func registerList(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let registers = try await docket.records.registers(page: Page(limit: 200), as: context.user()).items
        return pages.page(
            "registers",
            RegistersView(
                page: Chrome("Sổ văn bản", context: context),
                registers: registers.map {
                    RegisterRow(code: $0.code, name: $0.name, kind: $0.kind == .incoming ? "Văn bản đến" : "Văn bản đi")
                },
                year: docket.configuration.today().year))
    }

    struct SheetView {
        let page: Chrome
        let code: String
        let year: Int
        let columns: [String]
        let rows: [[String]]
        let empty: Bool
    }

    /// A register's year as the paper book lays it out; downloads as CSV or .xlsx from the same sheet.
    @Sendable func registerPage(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let code = try context.parameters.value("register")
        let year = request.query("year").flatMap { Int($0) } ?? docket.configuration.today().year
        let sheet = try await docket.records.sheet(register: code, year: year, as: context.user())
        return pages.page(
            "register",
            SheetView(
                page: Chrome(sheet.register.name + " — năm \(year)", context: context), code: sheet.register.code, year: year,
                columns: sheet.columns, rows: sheet.rows, empty: sheet.rows.isEmpty))
    }

    struct IncomingFormView {
        let page: Chrome
        let registers: [RegisterRow]
        /// What was typed, shown again when the form comes back with a problem.
        let values: [String: String]
    }

    @Sendable func incomingForm(_ request: Request, context: DocketRequestContext) async throws -> Response {
        try await incomingFormPage(context: context, values: [:], problem: nil)
    }

    private func incomingFormPage(context: DocketRequestContext, values: [String: String], problem: DocketError?) async throws -> Response {
        let user = try context.user()
        try user.require(.manageRecords)  // the form is for those who may send it
        let registers = try await docket.records.registers(page: Page(limit: 200), as: user).items.filter { $0.kind == .incoming }
        return pages.page(
            "incoming-new",
            IncomingFormView(
                page: Chrome("Vào sổ văn bản đến", context: context, problem: problem),
                registers: registers.map { RegisterRow(code: $0.code, name: $0.name, kind: "") }, values: values))
    }

    /// Registers an arrived document with its file; the entry's page then shows its arrival number.
    /// Bad input shows the form again with the field named and what was typed kept.
    @Sendable func registerIncoming(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let form = context.form ?? WebForm(encoded: "")
        do {
            let new = try NewIncoming(
                register: form["register"], sender: form["sender"] ?? "", senderSymbol: form["senderSymbol"] ?? "",
                senderDate: form["senderDate"], type: form["type"], summary: form["summary"] ?? "",
                classification: form["classification"], urgency: form["urgency"], pages: nil, arrivedAt: nil,
                deadline: form["deadline"], note: form["note"], zone: zone)
            let original = form.files["file"].map { file in
                RecordService.Original.content(NewDocument(title: nil, filename: file.filename)) { writer in
                    try file.data.withUnsafeBytes { try writer.write($0) }
                }
            }
            let entry = try await docket.records.registerIncoming(new, original: original, as: context.user())
            return Self.redirect("/entries/\(entry.id)?done=register")
        } catch let error as DocketError where error.code == .invalidInput {
            return try await incomingFormPage(context: context, values: form.values, problem: error)
        }
    }

    struct EntryView {
        struct Step {
            let when: String
            let what: String
            let text: String?
        }
        struct Field {
            let name: String
            let value: String
        }
        let page: Chrome
        let id: String
        let title: String
        let fields: [Field]
        let documentID: String?
        let steps: [Step]
        /// The processing steps the reader may take now, each its own form.
        let submit: Bool
        let direct: Bool
        let opinion: Bool
        let forward: Bool
        let done: Bool
        let sendBack: Bool
        /// What was typed into the form of the step that came back with a problem, by step.
        let values: [String: [String: String]]
    }

    @Sendable func entryPage(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let done = request.query("done").flatMap(ProcessingStepKind.init(rawValue:))
        return try await entryView(
            try context.parameters.value("id"), context: context,
            notice: done.map { $0 == .register ? "Đã vào sổ." : "Đã ghi: \(VietnameseLabels.step($0))." }, values: [:], problem: nil)
    }

    private func entryView(
        _ id: String, context: DocketRequestContext, notice: String?, values: [String: [String: String]], problem: DocketError?
    ) async throws -> Response {
        let user = try context.user()
        let detail = try await docket.records.entry(id, as: user)
        let entry = detail.entry
        let title = entry.kind == .incoming ? "Văn bản đến số \(entry.number)/\(entry.year)" : "Văn bản đi \(entry.symbol)"
        let fields: [(String, String?)] = [
            ("Số, ký hiệu", entry.kind == .incoming ? entry.senderSymbol : entry.symbol),
            ("Nơi gửi", entry.sender),
            ("Ngày đến", entry.arrivedAt.map { LocalTime.dateTime($0, in: zone) }),
            ("Ngày văn bản", entry.documentDate.map(LocalTime.day)),
            ("Trích yếu", "\(entry.type): \(entry.summary)"),
            ("Hạn xử lý", entry.deadline.map(LocalTime.day)),
            ("Tình trạng xử lý", entry.state.map(VietnameseLabels.processing)),
            ("Chữ ký số", entry.signatureCheck),
            ("Có thể trùng", entry.duplicateOf.map { _ in "đã có văn bản cùng nơi gửi và số, ký hiệu" }),
            ("Vào sổ sau", entry.backEntered ? "từ sổ giấy" : nil),
        ]
        let next = Set(RecordService.nextSteps(entry, for: user))
        return pages.page(
            "entry",
            EntryView(
                page: Chrome(title, context: context, notice: notice, problem: problem), id: entry.id,
                title: title, fields: fields.compactMap { name, value in value.map { EntryView.Field(name: name, value: $0) } },
                documentID: entry.documentID,
                steps: detail.steps.map {
                    EntryView.Step(when: LocalTime.dateTime($0.at, in: zone), what: VietnameseLabels.step($0.kind), text: $0.text)
                },
                submit: next.contains(.submit), direct: next.contains(.direct), opinion: next.contains(.opinion),
                forward: next.contains(.forward), done: next.contains(.done), sendBack: next.contains(.return), values: values))
    }

    /// One processing step from the entry page's forms; bad input shows the page again with the
    /// field named and what was typed kept.
    @Sendable func processEntry(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let id = try context.parameters.value("id")
        let step = try context.parameters.value("step")
        // The route's last segment names the step; registering is not one a form takes.
        guard let kind = ProcessingStepKind(rawValue: step), kind != .register else {
            throw DocketError.notFound("page", request.uri.path)
        }
        let form = context.form ?? WebForm(encoded: "")
        let user = try context.user()
        let records = docket.records
        do {
            switch kind {
            case .register: break
            case .submit:
                _ = try await records.submit(id, to: form["leader"] ?? "", note: form["note"], as: user)
            case .direct:
                let coordinating = (form["coordinating"] ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
                _ = try await records.direct(
                    id, text: form["text"] ?? "", handler: form["handler"] ?? "", coordinating: coordinating,
                    deadline: form["deadline"], plan: form["plan"], as: user)
            case .opinion:
                _ = try await records.opinion(id, text: form["text"] ?? "", as: user)
            case .forward:
                _ = try await records.forward(id, to: form["handler"] ?? "", text: form["text"] ?? "", as: user)
            case .done:
                _ = try await records.finish(id, answer: form["answer"], note: form["note"], as: user)
            case .return:
                _ = try await records.sendBack(id, reason: form["reason"] ?? "", as: user)
            }
            return Self.redirect("/entries/\(Self.encoded(id))?done=\(kind.rawValue)")
        } catch let error as DocketError where error.code == .invalidInput {
            return try await entryView(id, context: context, notice: nil, values: [step: form.values], problem: error)
        }
    }

    /// The incoming documents waiting for the reader: those they lead or coordinate, or that wait
    /// for their direction; nearest deadline first.
    @Sendable func queuePage(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let queue = try await docket.records.queue(page: Page(limit: 200), as: context.user())
        return pages.page(
            "queue",
            QueueView(
                page: Chrome("Văn bản cần xử lý", context: context),
                items: queue.items.map {
                    QueueView.Row(
                        id: $0.id, title: "\($0.senderSymbol ?? $0.symbol) — \($0.summary)",
                        deadline: $0.deadline.map(LocalTime.day), state: $0.state.map(VietnameseLabels.processing) ?? "")
                }))
    }

    struct QueueView {
        struct Row {
            let id: String
            let title: String
            let deadline: String?
            let state: String
        }
        let page: Chrome
        let items: [Row]
    }

    struct SearchView {
        struct Hit {
            let id: String
            let title: String
            let snippet: String
        }
        /// One facet: its values with their counts, each a link that narrows the search to it.
        struct Facet {
            struct Value {
                let label: String
                let count: Int
                let link: String
            }
            let name: String
            let values: [Value]
            /// The filter already chosen, with a link that removes it.
            let chosen: String?
            let clear: String?
        }
        let page: Chrome
        let query: String
        let from: String
        let to: String
        let total: Int
        let hits: [Hit]
        let facets: [Facet]
        let searched: Bool
    }

    /// The filters a search narrows by, as their query names, labels and the service's facet keys.
    private static let searchFilters: [(name: String, label: String)] = [
        ("register", "Sổ"), ("year", "Năm"), ("type", "Loại văn bản"), ("sender", "Nơi gửi"), ("unit", "Đơn vị xử lý"),
        ("classification", "Độ mật"), ("state", "Tình trạng xử lý"),
    ]

    /// Search in Vietnamese, with or without diacritics; the words found are marked in each
    /// snippet, and facets narrow the results by register, year, type, sender, unit,
    /// classification, state and a date range.
    @Sendable func searchPage(_ request: Request, context: DocketRequestContext) async throws -> Response {
        var given: [String: String] = [:]
        for name in Self.searchFilters.map(\.name) + ["q", "from", "to"] { given[name] = request.query(name) }
        let query = given["q"] ?? ""
        var hits: [SearchView.Hit] = []
        var facets: [SearchView.Facet] = []
        var total = 0
        var problem: DocketError?
        if !query.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                let search = try SearchRequest(
                    text: query, register: given["register"], year: try request.queryInt("year"), type: given["type"], sender: given["sender"], unit: given["unit"], classification: given["classification"],
                    state: given["state"], from: given["from"], to: given["to"], facets: true)
                let results = try await docket.records.search(search, page: Page(limit: 50), as: context.user())
                total = results.hits.total
                hits = results.hits.items.map { hit in
                    let entry = hit.entry
                    return SearchView.Hit(
                        id: entry.id, title: "\(entry.kind == .incoming ? (entry.senderSymbol ?? entry.symbol) : entry.symbol) — \(entry.summary)",
                        snippet: HTML.escape(hit.snippet).replacingOccurrences(of: "«", with: "<mark>").replacingOccurrences(of: "»", with: "</mark>"))
                }
                facets = Self.searchFilters.compactMap { filter in
                    let counts = results.facets?[filter.name] ?? [:]
                    guard given[filter.name] != nil || !counts.isEmpty else { return nil }
                    let values = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(12).map { value, count in
                        SearchView.Facet.Value(
                            label: Self.facetLabel(filter.name, value), count: count,
                            link: Self.link("/search", given.merging([filter.name: value]) { $1 }))
                    }
                    return SearchView.Facet(
                        name: filter.label, values: given[filter.name] == nil ? values : [],
                        chosen: given[filter.name].map { Self.facetLabel(filter.name, $0) },
                        clear: given[filter.name].map { _ in Self.link("/search", given.filter { $0.key != filter.name }) })
                }
            } catch let error as DocketError where error.code == .invalidInput {
                problem = error
            }
        }
        return pages.page(
            "search",
            SearchView(
                page: Chrome("Tìm kiếm", context: context, problem: problem), query: query, from: given["from"] ?? "",
                to: given["to"] ?? "", total: total, hits: hits,
                facets: facets, searched: !query.isEmpty && problem == nil))
    }

    /// A facet's value as people read it.
    private static func facetLabel(_ facet: String, _ value: String) -> String {
        switch facet {
        case "state": ProcessingState(rawValue: value).map(VietnameseLabels.processing) ?? "Văn bản đi"
        case "classification": Classification(rawValue: value).map(VietnameseLabels.classification) ?? value
        default: value
        }
    }
}
