import DocketServices
import Foundation
import Hummingbird

extension Response {
    /// A signed pack streamed as a ZIP download, its length known before the first byte.
    static func download(_ pack: SignedPack, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/zip"
        headers[.contentDisposition] = DocumentController.attachment(pack.filename)
        headers[.cacheControl] = "private, no-store"
        return Response(
            status: status, headers: headers,
            body: ResponseBody(contentLength: Int(pack.size)) { writer in
                let box = WriterBox(writer)
                try await pack.write { bytes in try await box.writer.write(ByteBuffer(bytes: bytes)) }
                writer = box.writer
                try await writer.finish(nil)
            })
    }
}
