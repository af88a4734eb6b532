import DocketCore
import Foundation

extension RecordService {
    /// Full-text search over register entries, their originals' titles and text, diacritics
    /// folded; exact-diacritic matches first. Readers of all records search everything up to
    /// their clearance; anyone else only what they handle, and never learns the rest exists.
    public func search(_ request: SearchRequest, page: Page, as actor: User) async throws -> SearchResults {
        let timeZone = configuration.timeZone
        return try await storage.read { reader in
            let query = SearchQuery(
                terms: SearchQuery.terms(request.text), register: try request.register.map { try Self.register($0, in: reader).id },
                year: request.year, type: request.type, sender: request.sender,
                unit: try request.unit.map { try AgencyService.agency($0, field: "unit", in: reader).code },
                classification: request.classification,
                state: request.state, from: request.from?.start(in: timeZone), to: request.to?.adding(days: 1).start(in: timeZone),
                maximumClassification: actor.clearance,
                handledBy: actor.hasAny(Permission.readAllRecords.roles) ? nil : actor.id, facets: request.facets)
            return try reader.search(query, page: page)
        }
    }

    /// Full-text search over dossiers (readers of all records, up to their clearance): their code,
    /// title, unit, heading and filed documents, ranked as entries are.
    public func searchDossiers(_ request: SearchRequest, page: Page, as actor: User) async throws -> Paged<DossierHit> {
        guard actor.hasAny(Permission.readAllRecords.roles) else { return Paged(items: [], total: 0, page: page) }
        return try await storage.read { reader in
            try reader.searchDossiers(
                SearchQuery(terms: SearchQuery.terms(request.text), maximumClassification: actor.clearance), page: page)
        }
    }
}
