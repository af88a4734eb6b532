import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct SearchCommand: DocketRunnable {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find register entries by words in their summary, sender, symbol or document text, with or without diacritics.",
        discussion: """
            Every word must match; "quoted words" match as a phrase. Diacritics are optional ("chuyen doi so" \
            finds "chuyển đổi số", "dang" finds "Đảng"); matches with the diacritics as typed come first.
            """)
    @Argument(help: "Words and \"phrases\".") var query: String
    @Option(help: "Only this register (code).") var register: String?
    @Option(help: "Only this calendar year.") var year: Int?
    @Option(help: "Only this document type, e.g. CV.") var type: String?
    @Option(help: "Only from this sender.") var sender: String?
    @Option(help: "Only handled by this unit (agency code).") var unit: String?
    @Option(help: "Only this classification.") var classification: String?
    @Option(help: "Only incoming documents in this processing state.") var state: String?
    @Option(help: "Registered on or after, YYYY-MM-DD.") var from: String?
    @Option(help: "Registered on or before, YYYY-MM-DD.") var to: String?
    @Flag(help: "Also count all matches by register, year, type, state, classification, sender and unit.") var facets = false
    @Flag(help: "Find dossiers (by code, title, heading and their documents) instead of register entries.") var dossiers = false
    @OptionGroup var paging: PageOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func execute() async throws {
        let request = try SearchRequest(
            text: query, register: register, year: year, type: type, sender: sender, unit: unit, classification: classification,
            state: state, from: from, to: to, facets: facets)
        let (docket, actor) = try await store.openActing()
        if dossiers {
            let found = try await docket.records.searchDossiers(request, page: paging.page(), as: actor)
            if output.json { return try Output.json(found) }
            Output.table(
                ["CODE", "STATE", "MATCH", "SNIPPET"],
                found.items.map { [$0.dossier.code, $0.dossier.state.rawValue, $0.exactMatch ? "exact" : "folded", $0.snippet] })
            return print("\(found.items.count) of \(found.total) dossiers")
        }
        let results = try await docket.records.search(request, page: paging.page(), as: actor)
        if output.json { return try Output.json(results) }
        Output.table(
            ["ID", "NUMBER", "REGISTERED", "MATCH", "SNIPPET"],
            results.hits.items.map {
                [$0.entry.id, $0.entry.kind == .incoming ? "\($0.entry.number)/\($0.entry.year)" : $0.entry.symbol,
                 Timestamp.string($0.entry.registeredAt), $0.exactMatch ? "exact" : "folded", $0.snippet]
            })
        print("\(results.hits.items.count) of \(results.hits.total) entries")
        for (facet, counts) in (results.facets ?? [:]).sorted(by: { $0.key < $1.key }) {
            print("\(facet): " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
    }
}
