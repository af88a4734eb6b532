import DocketCore
import DocketHTTP
import DocketTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `Schemas/openapi.yaml` is the contract: it must be valid, and it and the router must agree.
@Suite struct OpenAPIContractTests {
    static let specPath = repositoryFile("Schemas/openapi.yaml")

    /// (method, path template) for every operation, read from the spec's layout.
    static func operations() throws -> [(method: String, path: String)] {
        var operations: [(String, String)] = []
        var currentPath: String?
        for line in try String(contentsOfFile: specPath, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                currentPath = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("components:") {
                currentPath = nil
            } else if let path = currentPath, let method = ["get", "post", "put", "patch", "delete"].first(where: { line == "    \($0):" }) {
                operations.append((method.uppercased(), path))
            }
        }
        return operations
    }

    @Test func theSpecIsValidOpenAPI() throws {
        let result = try Command.run(
            "python3",
            ["-c", "import sys; from openapi_spec_validator import validate; from openapi_spec_validator.readers import read_from_filename; validate(read_from_filename(sys.argv[1])[0])",
             Self.specPath])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func theRouterAndTheSpecHaveTheSameOperations() async throws {
        let fixture = try await HTTPFixture()
        // The pages are for browsers, not part of the API's contract.
        let routed = Set(
            buildRouter(docket: fixture.store.docket, settings: fixture.settings).routes
                .filter { $0.path.description.hasPrefix("/api/") || $0.path.description == "/healthz" }
                .map { "\($0.method) \($0.path)" })
        let specified = Set(try Self.operations().map { "\($0.method) \($0.path)" })
        #expect(specified.count == 113)
        #expect(routed.subtracting(specified).sorted() == [], "routed but not in the spec")
        #expect(specified.subtracting(routed).sorted() == [], "in the spec but not routed")
    }

    @Test func anUnknownRouteAnswersNoSuchRoute() async throws {
        let fixture = try await HTTPFixture()
        try await fixture.application.test(.router) { client in
            try await client.execute(uri: "/api/v1/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorBody?.message == "no such route")
            }
            // A path that exists, asked with a method it does not take: 405 naming the methods it does.
            try await client.execute(uri: "/api/v1/sessions/ses-x/agenda/versions", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
            }
            try await client.execute(uri: "/api/v1/sessions/ses-x/agenda/item-1", method: .put) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "DELETE, PATCH")
            }
            // Who asks comes first: no token is a 401 before anything the request says is read.
            try await client.execute(uri: "/api/v1/search?type=%%", method: .get) { response in
                #expect(response.status == .unauthorized && response.errorBody?.code == "unauthenticated")
            }
        }
    }

    @Test func responsesValidateAgainstTheSpecSchemas() async throws {
        let fixture = try await HTTPFixture()
        let document = try await fixture.store.addDocument(sampleBytes(100))
        let session = try await fixture.sampleSession()
        let samples = try await fixture.application.test(.router) { client in
            var samples: [(schema: String, body: Data)] = []
            for (uri, schema) in [
                ("/api/v1/documents/\(document.id)", "Document"), ("/api/v1/documents", "DocumentPage"),
                ("/api/v1/me", "User"), ("/api/v1/users", "UserPage"), ("/api/v1/audit/events", "AuditEventPage"),
                ("/api/v1/audit/verification", "AuditVerification"), ("/api/v1/store/check", "StoreCheck"),
                ("/api/v1/documents/doc-none", "Error"), ("/api/v1/bodies", "BodyPage"),
                ("/api/v1/sessions", "SessionPage"), ("/api/v1/sessions/\(session.id)", "Session"),
            ] {
                let body = try await client.execute(uri: uri, method: .get, headers: fixture.headers(.admin)) {
                    Data(buffer: $0.body)
                }
                samples.append((schema, body))
            }
            return samples
        }
        let directory = fixture.store.directory
        for (index, sample) in samples.enumerated() {
            let path = try directory.write(sample.body, to: "sample-\(index).json")
            let result = try Command.run("python3", ["-c", Self.validator, Self.specPath, sample.schema, path])
            #expect(result.status == 0, "\(sample.schema): \(result.stderr)")
        }
    }

    /// Validates a JSON file against one component schema with Python's jsonschema.
    static let validator = """
        import json, sys, yaml, jsonschema
        spec = yaml.safe_load(open(sys.argv[1]))
        schema = dict(spec["components"]["schemas"][sys.argv[2]])
        schema["components"] = spec["components"]
        jsonschema.validate(json.load(open(sys.argv[3])), schema, cls=jsonschema.Draft202012Validator,
                            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        """
}
