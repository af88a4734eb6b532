import DocketCore
import Foundation

extension PostgresTransaction {
    func index(entryID: String, text: String) throws {
        try index(table: "recordText", key: "entryID", id: entryID, text: text)
    }

    func index(dossierID: String, text: String) throws {
        try index(table: "dossierText", key: "dossierID", id: dossierID, text: text)
    }

    /// Replaces the row's text: as written (for snippets), and its words lowercased, one space
    /// apart, for PostgreSQL to index as they are and folded by `docket_fold`.
    private func index(table: String, key: String, id: String, text: String) throws {
        let exact = SearchText.exact(text)
        try write(
            """
            INSERT INTO \(table) (\(key), exact, words) VALUES ($1, $2, $3)
            ON CONFLICT (\(key)) DO UPDATE SET exact = EXCLUDED.exact, words = EXCLUDED.words
            """,
            [id, exact, Self.words(exact)])
    }

    static func words(_ text: String) -> String {
        SearchText.words(CanonicalName.nfc(text)).map { $0.lowercased() }.joined(separator: " ")
    }

    /// The query's tsqueries from parameter `first` on: every term (a phrase) required in the
    /// folded words, and any term in the exact words, which ranks exact-diacritic matches first.
    private static func queries(_ query: SearchQuery, from first: Int) -> (all: String, exact: String, binds: [any SQLBindable]) {
        let phrases = query.terms.map { words($0.joined(separator: " ")) }
        let all = phrases.indices.map { "phraseto_tsquery('simple', docket_fold($\(first + $0)))" }.joined(separator: " && ")
        let exact = phrases.indices.map { "phraseto_tsquery('simple', $\(first + $0))" }.joined(separator: " || ")
        return ("(\(all))", "(\(exact))", phrases)
    }

    func searchDossiers(_ query: SearchQuery, page: Page) throws -> Paged<DossierHit> {
        guard !query.terms.isEmpty, query.handledBy == nil else { return Paged(items: [], total: 0, page: page) }
        let allowed = Classification.allCases.filter { $0 <= query.maximumClassification }.map(\.rawValue)
        let tsquery = Self.queries(query, from: 2)
        let found = try rank(
            table: "dossierText", key: "dossierID", join: "JOIN dossier ON dossier.id = dossierText.dossierID",
            conditions: ["dossier.accessLevel = ANY($1)"], binds: [SQLValue.textArray(allowed)] + tsquery.binds, tsquery, page: page)
        let hits = try found.rows.compactMap { id, text -> DossierHit? in
            guard let dossier = try dossier(id: id) else { return nil }
            return DossierHit(
                dossier: dossier, exactMatch: SearchSnippet.containsExactly(text, terms: query.terms),
                snippet: SearchSnippet.make(text, terms: query.terms))
        }
        return Paged(items: hits, total: found.total, page: page)
    }

    func search(_ query: SearchQuery, page: Page) throws -> SearchResults {
        guard !query.terms.isEmpty else { return SearchResults(hits: Paged(items: [], total: 0, page: page), facets: nil) }
        var conditions: [String] = []
        var binds: [any SQLBindable] = []
        func narrow(_ condition: ([String]) -> String, _ values: [(any SQLBindable)?]) {
            guard values.allSatisfy({ $0 != nil }) else { return }
            let first = binds.count + 1
            binds += values.compactMap { $0 }
            conditions.append(condition(values.indices.map { "$\(first + $0)" }))
        }
        narrow({ "registerEntry.registerID = \($0[0])" }, [query.register])
        narrow({ "registerEntry.year = \($0[0])" }, [query.year])
        narrow({ "registerEntry.type = \($0[0])" }, [query.type])
        // The sender's part of the key, whatever symbol follows it.
        narrow(
            { "registerEntry.senderKey >= \($0[0]) AND registerEntry.senderKey < \($0[1])" },
            [query.sender.map { CanonicalName.key($0) + "\u{1F}" }, query.sender.map { CanonicalName.key($0) + "\u{20}" }])
        narrow({ "registerEntry.handlerID IN (SELECT id FROM \"user\" WHERE agency = \($0[0]))" }, [query.unit])
        narrow({ "registerEntry.classification = \($0[0])" }, [query.classification?.rawValue])
        if query.maximumClassification < .topSecret {
            narrow(
                { "registerEntry.classification = ANY(\($0[0]))" },
                [SQLValue.textArray(Classification.allCases.filter { $0 <= query.maximumClassification }.map(\.rawValue))])
        }
        narrow({ "registerEntry.state = \($0[0])" }, [query.state?.rawValue])
        narrow({ "registerEntry.registeredAt >= \($0[0])" }, [query.from])
        narrow({ "registerEntry.registeredAt < \($0[0])" }, [query.to])
        narrow({ "registerEntry.id IN (SELECT entryID FROM processingHandler WHERE userID = \($0[0]))" }, [query.handledBy])
        let tsquery = Self.queries(query, from: binds.count + 1)
        // Without conditions on the entries, the index alone answers: entries are read for the page only.
        let found = try rank(
            table: "recordText", key: "entryID", join: conditions.isEmpty ? "" : Self.withEntries, conditions: conditions,
            binds: binds + tsquery.binds, tsquery, page: page)
        let hits = try found.rows.compactMap { id, text -> SearchHit? in
            guard let entry = try registerEntry(id: id) else { return nil }
            return SearchHit(
                entry: entry, exactMatch: SearchSnippet.containsExactly(text, terms: query.terms),
                snippet: SearchSnippet.make(text, terms: query.terms))
        }
        let facets = query.facets ? try facets(conditions + ["recordText.foldedVector @@ \(tsquery.all)"], binds + tsquery.binds) : nil
        return SearchResults(hits: Paged(items: hits, total: found.total, page: page), facets: facets)
    }

    static let withEntries = "JOIN registerEntry ON registerEntry.id = recordText.entryID"

    /// The page of matches in the full-text `table`, exact-diacritic matches first, then by rank,
    /// with each one's text, and how many match in all (counted in the same pass).
    private func rank(
        table: String, key: String, join: String, conditions: [String], binds: [any SQLBindable],
        _ tsquery: (all: String, exact: String, binds: [any SQLBindable]), page: Page
    ) throws -> (rows: [(id: String, text: String)], total: Int) {
        let filter = (conditions + ["\(table).foldedVector @@ \(tsquery.all)"]).joined(separator: " AND ")
        let found = try rows(
            """
            SELECT \(table).\(key), \(table).exact, COUNT(*) OVER () FROM \(table) \(join) WHERE \(filter)
            ORDER BY \(table).exactVector @@ \(tsquery.exact) DESC, ts_rank(\(table).foldedVector, \(tsquery.all)) DESC, \(table).\(key)
            LIMIT $\(binds.count + 1) OFFSET $\(binds.count + 2)
            """,
            binds + [page.limit, page.offset])
        // A page past the end has no row to carry the count.
        let total = try found.first.map { try $0.required(2, as: Int.self) }
            ?? count("SELECT COUNT(*) FROM \(table) \(join) WHERE \(filter)", binds)
        return (try found.map { (try $0.required(0), try $0.required(1)) }, total)
    }

    /// Counts of all matches by register code, year, type, processing state, classification,
    /// sender and unit (the agency of the lead handler), as on SQLite.
    private func facets(_ conditions: [String], _ binds: [any SQLBindable]) throws -> [String: [String: Int]] {
        func rows(_ columns: String, join: String = "", also: String? = nil, groups: String = "1") throws -> [Row] {
            let filter = (conditions + [also].compactMap { $0 }).joined(separator: " AND ")
            return try self.rows(
                "SELECT \(columns), COUNT(*) FROM recordText \(Self.withEntries) \(join) WHERE \(filter) GROUP BY \(groups)", binds)
        }
        var facets: [String: [String: Int]] = [
            "register": [:], "year": [:], "type": [:], "state": [:], "classification": [:], "sender": [:], "unit": [:],
        ]
        var codes: [String: String] = [:]
        let entryColumns = "registerEntry.registerID, registerEntry.year, registerEntry.type, registerEntry.state, registerEntry.classification"
        for row in try rows(entryColumns, groups: "1, 2, 3, 4, 5") {
            let count: Int = try row.required(5)
            let registerID: String = try row.required(0)
            if codes[registerID] == nil { codes[registerID] = try register(id: registerID)?.code ?? registerID }
            facets["register", default: [:]][codes[registerID] ?? registerID, default: 0] += count
            facets["year", default: [:]][String(try row.required(1) as Int), default: 0] += count
            facets["type", default: [:]][try row.required(2) as String, default: 0] += count
            facets["state", default: [:]][(try row.value(3) as String?) ?? "issued", default: 0] += count
            facets["classification", default: [:]][try row.required(4) as String, default: 0] += count
        }
        for row in try rows("registerEntry.sender", also: "registerEntry.sender IS NOT NULL") {
            facets["sender", default: [:]][try row.required(0) as String] = try row.required(1)
        }
        for row in try rows("\"user\".agency", join: "JOIN \"user\" ON \"user\".id = registerEntry.handlerID", also: "\"user\".agency IS NOT NULL") {
            facets["unit", default: [:]][try row.required(0) as String] = try row.required(1)
        }
        return facets
    }
}
