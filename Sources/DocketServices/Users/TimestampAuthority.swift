import DocketCore
import DocketCrypto
import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An RFC 3161 time-stamping authority reached over HTTP, and the roots its tokens must chain to.
/// Configured with `docket keys timestamping`; every signature Docket makes then carries a token.
struct TimestampAuthority: Sendable {
    let url: URL
    let trust: TrustStore
    /// How long to wait for a reply. A signature waits for it; nothing is recorded without it.
    var timeout: TimeInterval = 10

    /// A token over `signatureValue`, checked against this request and the trusted roots.
    func stamp(_ signatureValue: Data) throws -> Data {
        let request = try TimestampToken.request(over: signatureValue)
        let reply = try post(request.der)
        do { return try TimestampToken.token(in: reply, for: request, trust: trust) } catch let error as TimestampError {
            throw unavailable(error.description)
        }
    }

    private func post(_ query: Data) throws -> Data {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/timestamp-query", forHTTPHeaderField: "Content-Type")
        request.httpBody = query
        let result = Mutex<Result<(Data, Int), any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            result.withLock { $0 = error.map { .failure($0) } ?? .success((data ?? Data(), status)) }
            done.signal()
        }.resume()
        done.wait()
        switch result.withLock({ $0 }) {
        case .success((let data, 200)): return data
        case .success((_, let status)): throw unavailable("it answered HTTP \(status)")
        case .failure(let error): throw unavailable(error.localizedDescription)
        case nil: throw unavailable("no answer")
        }
    }

    private func unavailable(_ reason: String) -> DocketError {
        DocketError(
            .keyUnavailable,
            "the time-stamping authority \(url.absoluteString) gave no token (\(reason)); nothing was signed. "
                + "Try again, or stop time-stamping with `docket keys timestamping --off`",
            field: "timestamping")
    }
}
