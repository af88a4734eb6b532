import DocketCore
import DocketServices
import Foundation
import Hummingbird
import Logging

/// Turns every error into a status and the body `{"error": {"code", "message", "field"}}`.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as DocketError {
            return Self.response(error)
        } catch let error as HTTPError {
            if error.status == .notFound, error.body == nil {
                let allowed = routes.allowed(for: request.uri.path)
                if !allowed.isEmpty { return Self.methodNotAllowed(request.method, allowed: allowed) }
            }
            return Self.response(Self.translate(error))
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // A JSON body past the server's limit (NIO's NIOTooManyBytesError).
            return Self.response(DocketError(.tooLarge, "the request body is larger than the server accepts", field: "body"))
        } catch {
            context.logger.error("unexpected error: \(String(describing: error))")
            return Self.response(DocketError(.internalError, "the server could not complete the request"))
        }
    }

    static func translate(_ error: HTTPError) -> DocketError {
        let message = error.body ?? error.status.reasonPhrase
        switch error.status {
        case .notFound: return DocketError(.notFound, message == "Not Found" ? "no such route" : message)
        case .unauthorized: return .unauthenticated(message)
        case .forbidden: return .forbidden(message)
        case .contentTooLarge: return DocketError(.tooLarge, message)
        case .methodNotAllowed: return DocketError(.invalidInput, "method not allowed on this route")
        case .badRequest, .unprocessableContent: return DocketError(.invalidInput, message)
        default: return DocketError(.internalError, message)
        }
    }

    static func status(_ code: DocketError.Code) -> HTTPResponse.Status {
        switch code {
        case .invalidInput: .unprocessableContent
        case .notFound: .notFound
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .conflict: .conflict
        case .tooLarge: .contentTooLarge
        case .verificationFailed: .unprocessableContent
        case .keyUnavailable: .serviceUnavailable
        case .tooManyRequests: .tooManyRequests
        case .internalError: .internalServerError
        }
    }

    struct Body: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
            let field: String?

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(code, forKey: .code)
                try container.encode(message, forKey: .message)
                try container.encode(field, forKey: .field)  // always present, null when none
            }

            enum CodingKeys: String, CodingKey { case code, message, field }
        }
        let error: Detail
    }

    /// 405 for a path that exists with other methods, naming them in `Allow`.
    static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [String]) -> Response {
        var response = response(
            DocketError(.invalidInput, "\(method.rawValue) is not answered here; use \(allowed.joined(separator: ", "))"))
        response.status = .methodNotAllowed
        response.headers[.allow] = allowed.joined(separator: ", ")
        return response
    }

    static func response(_ error: DocketError) -> Response {
        let body = Body(error: .init(code: error.code.rawValue, message: error.message, field: error.field))
        let data = (try? DocketJSON.compact.encode(body)) ?? Data()
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if error.code == .unauthenticated { headers[.wwwAuthenticate] = "Bearer" }
        if let seconds = error.retryAfter { headers[.retryAfter] = String(seconds) }
        return Response(status: status(error.code), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
