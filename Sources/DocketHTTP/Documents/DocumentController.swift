import DocketCore
import DocketServices
import Foundation
import Hummingbird

/// The document store over HTTP: streamed upload and download, signing, verification.
struct DocumentController {
    let docket: Docket
    let maxUploadSize: Int64

    /// The routes, relative to `/api/v1`.
    var routes: RouteCollection<DocketRequestContext> {
        let routes = RouteCollection(context: DocketRequestContext.self)
        routes.get("documents", use: listDocuments)
        routes.post("documents", use: uploadDocument)
        routes.get("documents/:id", use: getDocument)
        routes.get("documents/:id/content", use: downloadDocument)
        routes.get("documents/:id/signatures", use: listSignatures)
        routes.post("documents/:id/signatures", use: signDocument)
        routes.get("documents/:id/signatures/:number", use: getSignature)
        routes.get("documents/:id/verification", use: verifyDocument)
        routes.get("store/check", use: checkStore)
        return routes
    }

    @Sendable func listDocuments(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let classification = try Classification.parse(optional: request.query("classification"), field: "classification")
        return try await docket.documents.list(
            DocumentFilter(classification: classification, titleContains: request.query("title")),
            page: request.page(), as: context.user())
    }

    @Sendable func getDocument(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.documents.get(context.parameters.value("id"), as: context.user())
    }

    @Sendable func listSignatures(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.documents.signatures(context.parameters.value("id"), as: context.user())
            .map(SignatureView.init)
    }

    @Sendable func signDocument(_ request: Request, context: DocketRequestContext) async throws -> EditedResponse<SignatureView> {
        let signature = try await docket.documents.sign(context.parameters.value("id"), as: context.user())
        return .init(status: .created, response: SignatureView(signature))
    }

    @Sendable func getSignature(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        let number = try context.parameters.value("number")
        guard let value = Int(number) else {
            throw DocketError.invalid("number", "a signature number is a whole number, got '\(number)'")
        }
        let signature = try await docket.documents.signature(
            context.parameters.value("id"), number: value, as: context.user())
        var headers = HTTPFields()
        headers[.contentType] = "application/pkcs7-signature"
        headers[.contentDisposition] = "attachment; filename=\"\(signature.documentID).\(value).p7s\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: signature.der)))
    }

    @Sendable func verifyDocument(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.documents.verify(context.parameters.value("id"), as: context.user())
    }

    /// `POST /documents?filename=…&title=…&classification=…` with the raw content as the body.
    @Sendable func uploadDocument(request: Request, context: DocketRequestContext) async throws -> EditedResponse<Document> {
        let actor = try context.user()
        guard let filename = request.query("filename") else {
            throw DocketError.invalid("filename", "give the original file name as ?filename=…")
        }
        if let length = request.headers[.contentLength].flatMap(Int64.init), length > maxUploadSize {
            throw DocketError(
                .tooLarge, "the upload of \(length) bytes is over the limit of \(ByteCount.format(maxUploadSize))",
                field: "content")
        }
        var mediaType = request.headers[.contentType].map { String($0.split(separator: ";")[0]).trimmingCharacters(in: .whitespaces) }
        if mediaType == "application/octet-stream" { mediaType = nil }
        let body = request.body
        let new = try NewDocument(
            title: request.query("title"), filename: filename, classification: request.query("classification"), mediaType: mediaType)
        let document = try await docket.documents.add(
            new,
            limit: maxUploadSize, as: actor
        ) { writer in
            for try await buffer in body {
                try buffer.withUnsafeReadableBytes { try writer.write($0) }
            }
        }
        return .init(status: .created, response: document)
    }

    /// RFC 8187 attr-char: what may stand unencoded in `filename*=`.
    static let attributeCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~")

    /// `Content-Disposition` for a download named `filename`, which may be Vietnamese (RFC 6266, 8187).
    static func attachment(_ filename: String) -> String {
        "attachment; filename*=UTF-8''" + (filename.addingPercentEncoding(withAllowedCharacters: attributeCharacters) ?? "download")
    }

    /// The content, streamed from the blob, with its SHA-256 as the ETag.
    @Sendable func downloadDocument(request: Request, context: DocketRequestContext) async throws -> Response {
        let (document, content) = try await docket.documents.content(context.parameters.value("id"), as: context.user())
        var headers = HTTPFields()
        headers[.eTag] = "\"\(document.sha256)\""
        headers[.cacheControl] = "private, no-transform"
        if request.headers[.ifNoneMatch] == headers[.eTag] {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = document.mediaType
        headers[.contentLength] = String(document.size)
        headers[.contentDisposition] = Self.attachment(document.filename)
        let body = try await content.responseBody(context: context)
        return Response(status: .ok, headers: headers, body: body)
    }

    @Sendable func checkStore(_ request: Request, context: DocketRequestContext) async throws -> some ResponseGenerator {
        try await docket.store.check(as: context.user())
    }
}

extension Document: ResponseEncodable {}
extension SignatureView: ResponseEncodable {}
extension DocumentVerification: ResponseEncodable {}
extension StoreCheck: ResponseEncodable {}
