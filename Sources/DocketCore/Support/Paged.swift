/// One page of a list, with the total count so clients can page on.
public struct Paged<Item: Sendable & Codable>: Sendable, Codable {
    public var items: [Item]
    public var total: Int
    public var limit: Int
    public var offset: Int

    public init(items: [Item], total: Int, page: Page) {
        self.items = items
        self.total = total
        self.limit = page.limit
        self.offset = page.offset
    }

    /// The same page with its items transformed.
    public func map<T>(_ transform: (Item) throws -> T) rethrows -> Paged<T> {
        Paged<T>(items: try items.map(transform), total: total, page: Page(unchecked: limit, offset: offset))
    }
}
