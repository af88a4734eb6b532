import DocketCore
import DocketHTTP
import DocketServices
import DocketTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Uploads and downloads over a real socket.
@Suite struct DocumentTransferTests {
    @Test func aDownloadIsByteExactWithLengthAndETag() async throws {
        let fixture = try await HTTPFixture(maxUploadSize: 8 << 20)
        let content = sampleBytes(3 << 20, seed: 7)
        try await fixture.application.test(.live) { client in
            let id = try await client.execute(
                uri: "/api/v1/documents?filename=report.pdf&title=B%C3%A1o%20c%C3%A1o&classification=confidential",
                method: .post, headers: fixture.headers(.clerk), body: ByteBuffer(bytes: content)
            ) { response in
                #expect(response.status == .created)
                let json = try response.json()
                #expect(json["title"] as? String == "Báo cáo")
                #expect(json["mediaType"] as? String == "application/pdf")
                #expect(json["size"] as? Int == content.count)
                return try #require(json["id"] as? String)
            }
            try await client.execute(uri: "/api/v1/documents/\(id)/content", method: .get, headers: fixture.headers(.auditor)) { response in
                #expect(response.status == .ok)
                #expect(Data(buffer: response.body) == content)
                #expect(response.headers[.contentLength] == String(content.count))
                let digest = try SHA256Hex.of(content)
                #expect(response.headers[.eTag] == "\"\(digest)\"")
                #expect(response.headers[.contentType] == "application/pdf")
            }
        }
    }

    @Test func anUploadOverTheLimitIs413AndStoresNothing() async throws {
        let fixture = try await HTTPFixture(maxUploadSize: 64 << 10)
        try await fixture.application.test(.live) { client in
            try await client.execute(
                uri: "/api/v1/documents?filename=big.bin", method: .post, headers: fixture.headers(.clerk),
                body: ByteBuffer(bytes: sampleBytes(200 << 10))
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.errorBody?.code == "too_large")
            }
        }
        let blobs = try fixture.store.storedBlobs()
        #expect(blobs.files == [] && blobs.small == 0)
        #expect(try await fixture.store.docket.documents.list(DocumentFilter(), page: .first, as: fixture.store.admin).total == 0)
    }

    @Test func aSignatureDownloadsAsDERThatOpenSSLVerifies() async throws {
        let fixture = try await HTTPFixture()
        let content = sampleBytes(10_000)
        let document = try await fixture.store.addDocument(content, filename: "note.txt")
        try await fixture.application.test(.router) { client in
            try await client.execute(uri: "/api/v1/documents/\(document.id)/signatures", method: .post, headers: fixture.headers(.chair)) {
                #expect($0.status == .created)
            }
            let der = try await client.execute(uri: "/api/v1/documents/\(document.id)/signatures/1", method: .get, headers: fixture.headers(.delegate)) { response in
                #expect(response.status == .notFound)
                return Data()
            }
            #expect(der.isEmpty)
            try await client.execute(uri: "/api/v1/documents/\(document.id)/signatures/1", method: .get, headers: fixture.headers(.auditor)) { response in
                #expect(response.headers[.contentType] == "application/pkcs7-signature")
                let directory = fixture.store.directory
                try directory.write(Data(buffer: response.body), to: "note.txt.p7s")
                try directory.write(content, to: "note.txt")
                let result = try Command.run(
                    "openssl",
                    ["cms", "-verify", "-binary", "-inform", "DER", "-in", directory.file("note.txt.p7s"), "-content",
                     directory.file("note.txt"), "-CAfile", fixture.store.rootPath, "-purpose", "any", "-out", "/dev/null"])
                #expect(result.status == 0, "\(result.stderr)")
            }
            try await client.execute(uri: "/api/v1/documents/\(document.id)/verification", method: .get, headers: fixture.headers(.auditor)) { response in
                let json = try response.json()
                #expect(json["contentIntact"] as? Bool == true)
                #expect((json["signatures"] as? [Any])?.count == 1)
            }
        }
    }
}

enum SHA256Hex {
    /// The SHA-256 of `data` as `sha256sum` computes it.
    static func of(_ data: Data) throws -> String {
        let directory = try TemporaryDirectory()
        return String(try Command.output("sha256sum", [try directory.write(data, to: "x")]).prefix(64))
    }
}
