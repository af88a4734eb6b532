import DocketCore
import Hummingbird

/// Every list answers as a page: items, total, limit, offset.
extension Paged: ResponseEncodable {}
