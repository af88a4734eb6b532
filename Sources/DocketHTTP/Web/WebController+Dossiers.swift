import DocketCore
import DocketServices
import Foundation
import Hummingbird

/// The dossiers on the filing plan: a list by state, a dossier with its documents in order, its
/// page count, date range, retention and holds; clerks file a register entry's original in an
/// open dossier and close it.
extension WebController {
    struct DossierRow {
        let code: String
        let title: String
        let unit: String
        let state: String
        let opened: String
    }

    struct DossiersView {
        let page: Chrome
        let rows: [DossierRow]
        let states: [NamedLink]
    }

    struct NamedLink {
        let label: String
        let link: String
        let current: Bool
    }

    @Sendable func dossierList(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let state = request.query("state")
        let dossiers = try await docket.records.dossiers(state: state, page: Page(limit: 500), as: context.user())
        return pages.page(
            "dossiers",
            DossiersView(
                page: Chrome("Hồ sơ", context: context),
                rows: dossiers.items.map {
                    DossierRow(code: $0.code, title: $0.title, unit: $0.unit, state: VietnameseLabels.dossier($0.state), opened: LocalTime.day($0.openedOn))
                },
                states: [NamedLink(label: "Tất cả", link: "/dossiers", current: state == nil)]
                    + Dossier.State.allCases.map {
                        NamedLink(label: VietnameseLabels.dossier($0), link: "/dossiers?state=\($0.rawValue)", current: state == $0.rawValue)
                    }))
    }

    struct DossierPageView {
        struct Item {
            let position: Int
            let documentID: String
            let title: String
            let symbol: String?
            let date: String?
            let pages: Int?
            let disposed: Bool
        }
        let page: Chrome
        let code: String
        let fields: [EntryView.Field]
        let items: [Item]
        let holds: [String]
        let canFile: Bool
        let canClose: Bool
        let values: [String: String]
    }

    @Sendable func dossierPage(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let done = request.query("done").map { $0 == "close" ? "Đã đóng hồ sơ." : "Đã đưa văn bản vào hồ sơ." }
        return try await dossierView(try context.parameters.value("code"), context: context, notice: done, values: [:], problem: nil)
    }

    private func dossierView(
        _ code: String, context: DocketRequestContext, notice: String?, values: [String: String], problem: DocketError?
    ) async throws -> Response {
        let user = try context.user()
        let view = try await docket.records.dossier(code, as: user)
        let dossier = view.dossier
        let fields: [(String, String?)] = [
            ("Tiêu đề", dossier.title),
            ("Đơn vị", dossier.unit),
            ("Tình trạng", VietnameseLabels.dossier(dossier.state)),
            ("Ngày mở", LocalTime.day(dossier.openedOn)),
            ("Ngày đóng", dossier.closedOn.map(LocalTime.day)),
            ("Thời hạn bảo quản", dossier.retentionYears.map { "\($0) năm" } ?? "Vĩnh viễn"),
            ("Độ mật", VietnameseLabels.classification(dossier.accessLevel)),
            ("Số trang", String(view.pageCount)),
            ("Thời gian tài liệu", view.firstDate.map { first in "\(LocalTime.day(first)) – \(view.lastDate.map(LocalTime.day) ?? "")" }),
        ]
        return pages.page(
            "dossier",
            DossierPageView(
                page: Chrome("Hồ sơ \(dossier.code)", context: context, notice: notice, problem: problem), code: dossier.code,
                fields: fields.compactMap { name, value in value.map { EntryView.Field(name: name, value: $0) } },
                items: view.items.map {
                    DossierPageView.Item(
                        position: $0.position, documentID: $0.documentID, title: $0.title, symbol: $0.symbol, date: $0.date.map(LocalTime.day),
                        pages: $0.pages, disposed: $0.disposed)
                },
                holds: view.holds.map { "\($0.id): \($0.reason)" },
                canFile: RecordService.mayFile(in: dossier, by: user), canClose: RecordService.mayClose(view, by: user),
                values: values))
    }

    /// Files a register entry's original in the dossier; bad input comes back with the field named.
    @Sendable func fileInDossier(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let code = try context.parameters.value("code")
        let form = context.form ?? WebForm(encoded: "")
        do {
            guard let entry = form["entry"] else { throw DocketError.invalid("entry", "name the register entry to file, e.g. its id") }
            _ = try await docket.records.addToDossier(code, entry: entry, note: form["note"], as: context.user())
            return Self.redirect("/dossiers/\(Self.encoded(code))?done=file")
        } catch let error as DocketError where error.code == .invalidInput || (error.code == .notFound && error.field != "dossier") {
            // A mistyped entry comes back in the form; a dossier the reader may not see stays a 404.
            return try await dossierView(code, context: context, notice: nil, values: form.values, problem: error)
        }
    }

    @Sendable func closeDossier(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let code = try context.parameters.value("code")
        _ = try await docket.records.closeDossier(code, as: context.user())
        return Self.redirect("/dossiers/\(Self.encoded(code))?done=close")
    }
}
