import Foundation
import Hummingbird
import Logging

/// Logs each request by its route pattern (`/api/v1/documents/{id}`), never the raw path or query
/// string: those carry titles and file names of classified uploads, and search words. The line
/// names the actor, the user the bearer token resolved to, or `-`.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = DocketRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, since: started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, context, status: status, since: started)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "route": .string(context.endpointPath ?? "(no route)"),
                "status": .stringConvertible(status), "ms": .string(String(format: "%.1f", milliseconds)),
                "actor": .string(context.actor.username ?? "-"),
            ])
    }
}
