import DocketCore
import Foundation
import GRDB

extension SQLiteTransaction {
    func index(entryID: String, text: String) throws {
        try index(table: "recordText", row: "registerEntry", id: entryID, text: text)
    }

    func index(dossierID: String, text: String) throws {
        try index(table: "dossierText", row: "dossier", id: dossierID, text: text)
    }

    /// Replaces the text of `row`'s row `id` in the full-text `table`, under the same rowid.
    private func index(table: String, row: String, id: String, text: String) throws {
        guard let rowid = try Int64.fetchOne(db.cachedStatement(sql: "SELECT rowid FROM \(row) WHERE id = ?"), arguments: [id])
        else { return }
        try db.cachedStatement(sql: "DELETE FROM \(table) WHERE rowid = ?").execute(arguments: [rowid])
        try db.cachedStatement(sql: "INSERT INTO \(table) (rowid, exact, folded) VALUES (?, ?, ?)")
            .execute(arguments: [rowid, SearchText.exact(text), SearchText.folded(text)])
    }

    /// The FTS5 expression of a query: every phrase required in the folded column. The OR group
    /// adds nothing to what matches, but lets BM25 weigh exact-diacritic matches (the exact
    /// column, weight 1000) far above folded-only ones, without a second query.
    static func match(_ query: SearchQuery) -> String {
        let folded = query.terms.map { "folded : " + SearchQuery(terms: [$0]).expression(SearchText.folded) }
        let exact = query.terms.map { "exact : " + SearchQuery(terms: [$0]).expression(SearchText.exact) }
        return folded.joined(separator: " AND ") + " AND (" + (exact + [folded[0]]).joined(separator: " OR ") + ")"
    }

    func searchDossiers(_ query: SearchQuery, page: Page) throws -> Paged<DossierHit> {
        guard !query.terms.isEmpty, query.handledBy == nil else { return Paged(items: [], total: 0, page: page) }
        let allowed = Classification.allCases.filter { $0 <= query.maximumClassification }.map { "'\($0.rawValue)'" }
        let from = """
            FROM dossierText JOIN dossier ON dossier.rowid = dossierText.rowid
            WHERE dossierText MATCH ? AND dossier.accessLevel IN (\(allowed.joined(separator: ", ")))
            """
        let (ranked, total) = try rank("dossierText", from, [Self.match(query)], page: page)
        let hits = try ranked.compactMap { rowid, text -> DossierHit? in
            guard let dossier = try Dossier.fetchOne(db, sql: "SELECT * FROM dossier WHERE rowid = ?", arguments: [rowid]) else { return nil }
            return DossierHit(
                dossier: dossier, exactMatch: SearchSnippet.containsExactly(text, terms: query.terms),
                snippet: SearchSnippet.make(text, terms: query.terms))
        }
        return Paged(items: hits, total: total, page: page)
    }

    func search(_ query: SearchQuery, page: Page) throws -> SearchResults {
        guard !query.terms.isEmpty else {
            return SearchResults(hits: Paged(items: [], total: 0, page: page), facets: nil)
        }
        let match = Self.match(query)
        var conditions = ["recordText MATCH ?"]
        var arguments: [any DatabaseValueConvertible] = [match]
        func narrow(_ condition: String, _ values: [(any DatabaseValueConvertible)?]) {
            guard values.allSatisfy({ $0 != nil }) else { return }
            conditions.append(condition)
            arguments += values.compactMap { $0 }
        }
        narrow("registerEntry.registerID = ?", [query.register])
        narrow("registerEntry.year = ?", [query.year])
        narrow("registerEntry.type = ?", [query.type])
        // The sender's part of the key, whatever symbol follows it.
        narrow(
            "registerEntry.senderKey >= ? AND registerEntry.senderKey < ?",
            [query.sender.map { CanonicalName.key($0) + "\u{1F}" }, query.sender.map { CanonicalName.key($0) + "\u{20}" }])
        narrow("registerEntry.handlerID IN (SELECT id FROM user WHERE agency = ?)", [query.unit])
        narrow("registerEntry.classification = ?", [query.classification?.rawValue])
        if query.maximumClassification < .topSecret {
            let allowed = Classification.allCases.filter { $0 <= query.maximumClassification }.map { "'\($0.rawValue)'" }
            conditions.append("registerEntry.classification IN (\(allowed.joined(separator: ", ")))")
        }
        narrow("registerEntry.state = ?", [query.state?.rawValue])
        narrow("registerEntry.registeredAt >= ?", [query.from])
        narrow("registerEntry.registeredAt < ?", [query.to])
        narrow("registerEntry.id IN (SELECT entryID FROM processingHandler WHERE userID = ?)", [query.handledBy])
        // Without conditions on the entries, the index alone answers: entries are read for the page only.
        let from = conditions.count > 1
            ? "FROM recordText \(Self.withEntries) WHERE " + conditions.joined(separator: " AND ")
            : "FROM recordText WHERE recordText MATCH ?"
        let (ranked, total) = try rank("recordText", from, arguments, page: page)
        let hits = try ranked.compactMap { rowid, text -> SearchHit? in
            guard let entry = try RegisterEntry.fetchOne(db, sql: "SELECT * FROM registerEntry WHERE rowid = ?", arguments: [rowid])
            else { return nil }
            return SearchHit(
                entry: entry, exactMatch: SearchSnippet.containsExactly(text, terms: query.terms),
                snippet: SearchSnippet.make(text, terms: query.terms))
        }
        return SearchResults(
            hits: Paged(items: hits, total: total, page: page), facets: query.facets ? try facets(conditions, arguments) : nil)
    }

    /// The page of matches of `from` over the full-text `table`, best first, with each one's indexed
    /// text, and how many match in all. One pass ranks and counts (the window runs before LIMIT);
    /// only rowids are sorted, so no text is read but the page's.
    private func rank(
        _ table: String, _ from: String, _ arguments: [any DatabaseValueConvertible], page: Page
    ) throws -> (rows: [(rowid: Int64, text: String)], total: Int) {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, COUNT(*) OVER () FROM (
                    SELECT \(table).rowid AS id, bm25(\(table), 1000.0, 1.0) AS score \(from))
                ORDER BY score LIMIT ? OFFSET ?
                """,
            arguments: StatementArguments(arguments + [page.limit, page.offset]))
        // A page past the end has no row to carry the count.
        let total = try rows.first.map { try $0.decode(atIndex: 1) as Int }
            ?? Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: StatementArguments(arguments)) ?? 0
        let page = try rows.map { row -> (rowid: Int64, text: String) in
            let rowid: Int64 = try row.decode(atIndex: 0)
            return (rowid, try String.fetchOne(db, sql: "SELECT exact FROM \(table) WHERE rowid = ?", arguments: [rowid]) ?? "")
        }
        return (page, total)
    }

    static let withEntries = "JOIN registerEntry ON registerEntry.rowid = recordText.rowid"

    /// Counts of all matches (the entries that meet `conditions`) by register code, year, type,
    /// processing state, classification, sender and unit (the agency of the lead handler).
    private func facets(_ conditions: [String], _ arguments: [any DatabaseValueConvertible]) throws -> [String: [String: Int]] {
        func rows(_ columns: String, join: String = "", also: String? = nil, groups: String = "1") throws -> [Row] {
            let filter = (conditions + [also].compactMap { $0 }).joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT \(columns), COUNT(*) FROM recordText \(Self.withEntries) \(join) WHERE \(filter) GROUP BY \(groups)",
                arguments: StatementArguments(arguments))
        }
        var facets: [String: [String: Int]] = [
            "register": [:], "year": [:], "type": [:], "state": [:], "classification": [:], "sender": [:], "unit": [:],
        ]
        var codes: [String: String] = [:]
        let entryColumns = "registerEntry.registerID, registerEntry.year, registerEntry.type, registerEntry.state, registerEntry.classification"
        for row in try rows(entryColumns, groups: "1, 2, 3, 4, 5") {
            let count: Int = try row.decode(atIndex: 5)
            let registerID: String = try row.decode(atIndex: 0)
            if codes[registerID] == nil { codes[registerID] = try register(id: registerID)?.code ?? registerID }
            facets["register", default: [:]][codes[registerID] ?? registerID, default: 0] += count
            facets["year", default: [:]][String(try row.decode(atIndex: 1) as Int), default: 0] += count
            facets["type", default: [:]][try row.decode(atIndex: 2) as String, default: 0] += count
            facets["state", default: [:]][(try row.decode(atIndex: 3) as String?) ?? "issued", default: 0] += count
            facets["classification", default: [:]][try row.decode(atIndex: 4) as String, default: 0] += count
        }
        // Senders and units have many values each: counted on their own rather than multiplying the groups above.
        for row in try rows("registerEntry.sender", also: "registerEntry.sender IS NOT NULL") {
            facets["sender", default: [:]][try row.decode(atIndex: 0) as String] = try row.decode(atIndex: 1)
        }
        for row in try rows("user.agency", join: "JOIN user ON user.id = registerEntry.handlerID", also: "user.agency IS NOT NULL") {
            facets["unit", default: [:]][try row.decode(atIndex: 0) as String] = try row.decode(atIndex: 1)
        }
        return facets
    }
}
