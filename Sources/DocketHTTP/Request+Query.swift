import DocketCore
import Hummingbird

extension Request {
    /// A query parameter as text, nil when absent.
    func query(_ name: String) -> String? {
        uri.queryParameters[name[...]].map { String($0) }
    }

    /// A whole-number query parameter; a non-number is a 422 naming the parameter.
    func queryInt(_ name: String) throws -> Int? {
        guard let text = query(name) else { return nil }
        guard let value = Int(text) else { throw DocketError.invalid(name, "\(name) must be a whole number, got '\(text)'") }
        return value
    }

    /// `limit` and `offset`.
    func page() throws -> Page { try Page(limit: queryInt("limit"), offset: queryInt("offset")) }
}

extension Parameters {
    /// A path parameter that the route guarantees.
    func require(_ name: String) throws -> String {
        guard let value = get(name) else { throw DocketError.invalid(name, "missing \(name) in the path") }
        return value
    }
}
