/// Which slice of a list to return; every list in Docket is paged.
public struct Page: Sendable, Equatable {
    public static let defaultLimit = 50
    public static let maximumLimit = 1000
    /// Far past any list Docket holds; the spec states the same bound.
    public static let maximumOffset = 1_000_000_000

    public var limit: Int
    public var offset: Int

    /// Validates `limit` (1…1000) and `offset` (0…1,000,000,000).
    public init(limit: Int? = nil, offset: Int? = nil) throws {
        let limit = limit ?? Self.defaultLimit
        let offset = offset ?? 0
        guard (1...Self.maximumLimit).contains(limit) else {
            throw DocketError.invalid("limit", "limit must be between 1 and \(Self.maximumLimit), got \(limit)")
        }
        guard (0...Self.maximumOffset).contains(offset) else {
            throw DocketError.invalid("offset", "offset must be between 0 and \(Self.maximumOffset), got \(offset)")
        }
        self.limit = limit
        self.offset = offset
    }

    /// The first page with the default size.
    public static let first = Page(unchecked: defaultLimit, offset: 0)

    init(unchecked limit: Int, offset: Int) {
        self.limit = limit
        self.offset = offset
    }
}
