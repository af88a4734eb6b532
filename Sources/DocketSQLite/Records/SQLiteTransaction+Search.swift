import DocketCore
import Foundation
import GRDB

extension SQLiteTransaction {
    func index(entryID: String, text: String) throws {
        guard let rowid = try Int64.fetchOne(db, sql: "SELECT rowid FROM registerEntry WHERE id = ?", arguments: [entryID]) else {
            return
        }
        try db.execute(sql: "DELETE FROM recordText WHERE rowid = ?", arguments: [rowid])
        try db.execute(
            sql: "INSERT INTO recordText (rowid, exact, folded) VALUES (?, ?, ?)",
            arguments: [rowid, SearchText.exact(text), SearchText.folded(text)])
    }

    func search(_ query: SearchQuery, page: Page) throws -> SearchResults {
        guard !query.terms.isEmpty else {
            return SearchResults(hits: Paged(items: [], total: 0, page: page), facets: nil)
        }
        // Every phrase is required in the folded column. The OR group adds nothing to what
        // matches, but lets BM25 weigh exact-diacritic matches (the exact column, weight 1000) far
        // above folded-only ones, without a second query.
        let folded = query.terms.map { "folded : " + SearchQuery(terms: [$0]).expression(SearchText.folded) }
        let exact = query.terms.map { "exact : " + SearchQuery(terms: [$0]).expression(SearchText.exact) }
        let match = folded.joined(separator: " AND ") + " AND (" + (exact + [folded[0]]).joined(separator: " OR ") + ")"
        var conditions = ["recordText MATCH ?"]
        var arguments: [any DatabaseValueConvertible] = [match]
        if let register = query.register {
            conditions.append("registerEntry.registerID = ?")
            arguments.append(register)
        }
        if let year = query.year {
            conditions.append("registerEntry.year = ?")
            arguments.append(year)
        }
        if let type = query.type {
            conditions.append("registerEntry.type = ?")
            arguments.append(type)
        }
        if let sender = query.sender {
            // The sender's part of the key, whatever symbol follows it.
            conditions.append("registerEntry.senderKey >= ? AND registerEntry.senderKey < ?")
            arguments += [CanonicalName.key(sender) + "\u{1F}", CanonicalName.key(sender) + "\u{20}"]
        }
        if let classification = query.classification {
            conditions.append("registerEntry.classification = ?")
            arguments.append(classification.rawValue)
        }
        if query.maximumClassification < .topSecret {
            let allowed = Classification.allCases.filter { $0 <= query.maximumClassification }.map { "'\($0.rawValue)'" }
            conditions.append("registerEntry.classification IN (\(allowed.joined(separator: ", ")))")
        }
        if let state = query.state {
            conditions.append("registerEntry.state = ?")
            arguments.append(state.rawValue)
        }
        if let from = query.from {
            conditions.append("registerEntry.registeredAt >= ?")
            arguments.append(from)
        }
        if let to = query.to {
            conditions.append("registerEntry.registeredAt < ?")
            arguments.append(to)
        }
        if let userID = query.handledBy {
            conditions.append("registerEntry.id IN (SELECT entryID FROM processingHandler WHERE userID = ?)")
            arguments.append(userID)
        }
        // Without conditions on the entries, the index alone answers: entries are read for the page only.
        let joined = conditions.count > 1
        let from = joined
            ? "FROM recordText JOIN registerEntry ON registerEntry.rowid = recordText.rowid WHERE " + conditions.joined(separator: " AND ")
            : "FROM recordText WHERE recordText MATCH ?"
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: StatementArguments(arguments)) ?? 0
        let ranked = try Row.fetchAll(
            db,
            sql: "SELECT recordText.rowid, recordText.exact \(from) ORDER BY bm25(recordText, 1000.0, 1.0) LIMIT ? OFFSET ?",
            arguments: StatementArguments(arguments + [page.limit, page.offset]))
        let hits = try ranked.compactMap { row -> SearchHit? in
            let text: String = try row.decode(atIndex: 1)
            guard let entry = try RegisterEntry.fetchOne(db, sql: "SELECT * FROM registerEntry WHERE rowid = ?", arguments: [row[0] as Int64?])
            else { return nil }
            return SearchHit(
                entry: entry, exactMatch: SearchSnippet.containsExactly(text, terms: query.terms),
                snippet: SearchSnippet.make(text, terms: query.terms))
        }
        return SearchResults(
            hits: Paged(items: hits, total: total, page: page), facets: query.facets ? try facets(from, arguments) : nil)
    }

    /// Counts of all matches by register code, year, type and processing state.
    private func facets(_ from: String, _ arguments: [any DatabaseValueConvertible]) throws -> [String: [String: Int]] {
        let from = from.hasPrefix("FROM recordText JOIN") ? from : "FROM recordText JOIN registerEntry ON registerEntry.rowid = recordText.rowid WHERE recordText MATCH ?"
        var facets: [String: [String: Int]] = ["register": [:], "year": [:], "type": [:], "state": [:]]
        var codes: [String: String] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT registerEntry.registerID, registerEntry.year, registerEntry.type, registerEntry.state, COUNT(*) \(from) "
                + "GROUP BY 1, 2, 3, 4", arguments: StatementArguments(arguments))
        {
            let count: Int = try row.decode(atIndex: 4)
            let registerID: String = try row.decode(atIndex: 0)
            if codes[registerID] == nil { codes[registerID] = try register(id: registerID)?.code ?? registerID }
            facets["register", default: [:]][codes[registerID] ?? registerID, default: 0] += count
            facets["year", default: [:]][String(try row.decode(atIndex: 1) as Int), default: 0] += count
            facets["type", default: [:]][try row.decode(atIndex: 2) as String, default: 0] += count
            facets["state", default: [:]][(try row.decode(atIndex: 3) as String?) ?? "issued", default: 0] += count
        }
        return facets
    }
}
