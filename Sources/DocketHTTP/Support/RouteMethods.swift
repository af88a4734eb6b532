import Hummingbird
import Synchronization

/// The methods each route answers, so a path that exists, asked with a method it does not take,
/// is a 405 with `Allow` rather than a 404. Loaded once the router has every route.
final class RouteMethods: Sendable {
    private let routes = Mutex<[(components: [Substring], method: String)]>([])

    func load(_ described: [Router<DocketRequestContext>.RouteDescription]) {
        routes.withLock { routes in
            routes = described.map { (Self.components("\($0.path)"), $0.method.rawValue) }
        }
    }

    /// The methods that `path` answers to, in a stable order; empty when no route has its shape.
    /// As the router does, a literal component wins over a parameter: `agenda/versions` is not
    /// `agenda/{item}`.
    func allowed(for path: String) -> [String] {
        let asked = Self.components(path)
        let matches = routes.withLock { routes in
            routes.filter { route in
                route.components.count == asked.count
                    && zip(route.components, asked).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
            }
        }
        let literals = { (route: (components: [Substring], method: String)) in
            route.components.filter { !$0.hasPrefix("{") }.count
        }
        guard let best = matches.map(literals).max() else { return [] }
        return Set(matches.filter { literals($0) == best }.map(\.method)).sorted()
    }

    private static func components(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }
}
