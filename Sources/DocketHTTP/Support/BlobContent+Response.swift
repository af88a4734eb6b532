import DocketServices
import Hummingbird
import NIOCore

extension BlobContent {
    /// The content as a response body: small content from memory, a file streamed.
    func responseBody(context: DocketRequestContext) async throws -> ResponseBody {
        switch self {
        case .bytes(let data): ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        case .file(let path): try await FileIO().loadFile(path: path, context: context)
        }
    }
}
