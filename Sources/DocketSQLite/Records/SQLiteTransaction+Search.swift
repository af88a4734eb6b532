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
            return SearchResults(hits: Paged(items: [], total: 0, page: page), facets: [:])
        }
        // Every phrase is required in the folded column; the exact column only ranks.
        let folded = query.terms.map { "folded : " + SearchQuery(terms: [$0]).expression(SearchText.folded) }.joined(separator: " AND ")
        let exact = query.terms.map { "exact : " + SearchQuery(terms: [$0]).expression(SearchText.exact) }.joined(separator: " AND ")
        var conditions = ["recordText MATCH ?"]
        var arguments: [any DatabaseValueConvertible] = [folded]
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
        let allowed = Classification.allCases.filter { $0 <= query.maximumClassification }.map { "'\($0.rawValue)'" }
        conditions.append("registerEntry.classification IN (\(allowed.joined(separator: ", ")))")
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
        let from = "FROM recordText JOIN registerEntry ON registerEntry.rowid = recordText.rowid WHERE " + conditions.joined(separator: " AND ")
        var facets: [String: [String: Int]] = ["register": [:], "year": [:], "type": [:], "state": [:]]
        var total = 0
        var codes: [String: String] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT registerEntry.registerID, registerEntry.year, registerEntry.type, registerEntry.state, COUNT(*) \(from) "
                + "GROUP BY 1, 2, 3, 4", arguments: StatementArguments(arguments))
        {
            let count: Int = try row.decode(atIndex: 4)
            let registerID: String = try row.decode(atIndex: 0)
            if codes[registerID] == nil { codes[registerID] = try register(id: registerID)?.code ?? registerID }
            total += count
            facets["register", default: [:]][codes[registerID] ?? registerID, default: 0] += count
            facets["year", default: [:]][String(try row.decode(atIndex: 1) as Int), default: 0] += count
            facets["type", default: [:]][try row.decode(atIndex: 2) as String, default: 0] += count
            facets["state", default: [:]][(try row.decode(atIndex: 3) as String?) ?? "issued", default: 0] += count
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT registerEntry.*, recordText.exact AS searchText,
                    registerEntry.rowid IN (SELECT rowid FROM recordText WHERE recordText MATCH ?) AS exactMatch
                \(from) ORDER BY exactMatch DESC, bm25(recordText), registerEntry.registeredAt DESC LIMIT ? OFFSET ?
                """,
            arguments: StatementArguments([exact] + arguments + [page.limit, page.offset]))
        let hits = try rows.map { row in
            SearchHit(
                entry: try RegisterEntry(row: row), exactMatch: try row.decode(forColumn: "exactMatch"),
                snippet: SearchSnippet.make(try row.decode(forColumn: "searchText"), terms: query.terms))
        }
        return SearchResults(hits: Paged(items: hits, total: total, page: page), facets: facets)
    }
}
