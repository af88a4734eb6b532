import Foundation

/// Reading registers, their entries and processing history inside a transaction.
public protocol RecordReadRepository {
    func register(id: String) throws -> Register?
    /// By the canonical form of its code (see `CanonicalName.key`).
    func register(code: String) throws -> Register?
    func registers() throws -> [Register]
    /// The outgoing register numbering for `issuer` (canonical form); at most one exists.
    func outgoingRegister(issuer: String) throws -> Register?
    func registerEntry(id: String) throws -> RegisterEntry?
    func registerEntry(registerID: String, series: String, number: Int) throws -> RegisterEntry?
    /// Entries in series and number order.
    func registerEntries(_ filter: RegisterEntryFilter, page: Page) throws -> Paged<RegisterEntry>
    /// Every `(series, number)` of the series that have entries in `year`, whole (a term's series
    /// spans years), in order: what the gap report checks.
    func registerNumbers(registerID: String, year: Int) throws -> [(series: String, number: Int)]
    /// The highest number taken in a series, counting those taken before Docket (a series
    /// start); 0 when none.
    func lastRegisterNumber(registerID: String, series: String) throws -> Int
    /// The register's series that continue from numbers taken before Docket.
    func seriesStarts(registerID: String) throws -> [SeriesStart]
    /// The first incoming entry from `sender` with this number and symbol (canonical forms).
    func incomingEntry(sender: String, senderSymbol: String) throws -> RegisterEntry?
    /// Incoming entries whose processing has not ended and whose lead or coordinating handler is
    /// `userID`, deadline first.
    func processingQueue(handlerID: String, page: Page) throws -> Paged<RegisterEntry>
    /// Incoming entries registered before `end`, oldest first, for the overdue report.
    func incomingEntries(registeredBefore end: Date) throws -> [RegisterEntry]
    /// Whether the user handles or handled the entry (lead, coordinating, or the leader it was submitted to).
    func handles(entryID: String, userID: String) throws -> Bool
    func processingSteps(entryID: String) throws -> [ProcessingStep]
    /// Entries matching every term of `query` (folded), exact-diacritic matches first, then by
    /// relevance, within its facets and access limits; with facet counts of all matches.
    func search(_ query: SearchQuery, page: Page) throws -> SearchResults
    /// Dossiers matching every term of `query`, ranked as `search` ranks entries, up to its
    /// clearance; none for a query limited to what a handler handles.
    func searchDossiers(_ query: SearchQuery, page: Page) throws -> Paged<DossierHit>

    func filingPlan(id: String) throws -> FilingPlan?
    /// A unit's plans for a year, oldest version first.
    func filingPlans(unit: String, year: Int) throws -> [FilingPlan]
    func dossier(id: String) throws -> Dossier?
    func dossier(code: String) throws -> Dossier?
    /// Dossiers in code order, of one state when given.
    func dossiers(state: Dossier.State?, page: Page) throws -> Paged<Dossier>
    /// The highest dossier number under a heading of a unit's year; 0 when none.
    func lastDossierNumber(unit: String, year: Int, headingCode: String) throws -> Int
    func dossierItems(dossierID: String) throws -> [DossierItem]
    /// Every dossier a document is filed in.
    func dossiers(holding documentID: String) throws -> [Dossier]
    /// The active holds covering a dossier.
    func activeHolds(dossierID: String) throws -> [Hold]
    func hold(id: String) throws -> Hold?
    /// Whether the document's content was destroyed by a disposal.
    func isDisposed(documentID: String) throws -> Bool
    /// Documents with this content that are not disposed.
    func liveDocuments(sha256: String) throws -> Int
}

/// Changing registers and entries inside a transaction. SQL specifics stay in the implementations.
public protocol RecordRepository: RecordReadRepository {
    /// Inserts a register; a code already used (in canonical form) is a conflict.
    func insert(_ register: Register) throws
    /// Records where a series continues; one per series.
    func insert(_ start: SeriesStart) throws
    /// Inserts an entry; a number already taken in its series is refused.
    func insert(_ entry: RegisterEntry) throws
    /// Saves an entry's changeable fields (processing state, handler, deadline, withdrawal).
    func update(_ entry: RegisterEntry) throws
    func append(_ step: ProcessingStep) throws
    /// Replaces the entry's text in the full-text index, in the same transaction as its change.
    func index(entryID: String, text: String) throws
    /// Replaces a dossier's text in the full-text index: its code, title, unit and its documents'.
    func index(dossierID: String, text: String) throws

    /// Inserts a plan with its headings; a unit's year and version are unique.
    func insert(_ plan: FilingPlan) throws
    func approve(planID: String, by userID: String, at date: Date) throws
    func insert(_ dossier: Dossier) throws
    /// Saves a dossier's changeable fields (state, closing date, retention).
    func update(_ dossier: Dossier) throws
    func append(_ item: DossierItem) throws
    func insert(_ hold: Hold) throws
    func release(holdID: String, by userID: String, at date: Date, reason: String) throws
    /// Records a document's content as destroyed by the disposal `disposalID`.
    func markDisposed(documentID: String, disposalID: String, at date: Date) throws
}
