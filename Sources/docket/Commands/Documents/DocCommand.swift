import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct DocCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc", abstract: "The document store: add, sign, verify, list, get, export.",
        subcommands: [Add.self, Sign.self, Verify.self, List.self, Show.self, Get.self, Export.self])
}

extension DocCommand {
    struct Add: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Store a file (streamed, stored once by SHA-256).")
        @Argument(help: "The file to store.") var file: String
        @Option(help: "Title (default: the file name).") var title: String?
        @Option(help: "public, internal (default), confidential, secret or top-secret.") var classification: String?
        @Option(help: "Media type (default: from the file name).") var mediaType: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let new = try NewDocument(
                title: title, filename: URL(fileURLWithPath: file).lastPathComponent, classification: classification,
                mediaType: mediaType)
            let (docket, actor) = try await store.openActing()
            let progress = Progress.onTerminal(forFileAt: file)
            let document = try await docket.documents.add(
                fileAt: file,
                new, as: actor,
                progress: progress?.update)
            progress?.finish()
            if output.json { return try Output.json(document) }
            print("\(document.id)  \(document.sha256)")
        }
    }

    struct Sign: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Sign a document (CMS, detached) with your certificate, else the office's.")
        @Argument(help: "Document id.") var id: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let signature = try await docket.documents.sign(id, as: actor)
            if output.json { return try Output.json(SignatureView(signature)) }
            print("Signature \(signature.number) on \(id) by \(signature.signerSubject) at \(Timestamp.string(signature.signedAt))")
        }
    }

    struct Verify: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Rehash a document and check every signature; exit 0 only when all hold.")
        @Argument(help: "Document id.") var id: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let result = try await docket.documents.verify(id, as: actor)
            if output.json {
                try Output.json(result)
            } else {
                print("Document \(result.document.id): \(result.document.title)")
                print("  content: " + (result.contentProblem ?? "intact (SHA-256 \(result.document.sha256))"))
                if result.signatures.isEmpty { print("  no signatures") }
                for entry in result.signatures {
                    print("  signature \(entry.number):")
                    SignatureReportText.print(entry.report, indent: "    ")
                }
            }
            if !result.isValid { throw ExitCode(1) }
        }
    }

    struct List: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "List the documents you may read, newest first.")
        @Option(help: "Only this classification.") var classification: String?
        @Option(help: "Only titles containing this text.") var title: String?
        @OptionGroup var paging: PageOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let level = try classification.map { try Classification.parse($0, field: "classification") }
            let (docket, actor) = try await store.openActing()
            let page = try await docket.documents.list(
                DocumentFilter(classification: level, titleContains: title), page: paging.page(), as: actor)
            if output.json { return try Output.json(page) }
            Output.table(
                ["ID", "CLASS", "SIZE", "CREATED", "TITLE"],
                page.items.map { [$0.id, $0.classification.rawValue, String($0.size), Timestamp.string($0.createdAt), $0.title] })
            print("\(page.items.count) of \(page.total) documents")
        }
    }

    struct Show: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Show a document's metadata and signatures.")
        @Argument(help: "Document id.") var id: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        struct Shown: Encodable {
            let document: Document
            let signatures: [SignatureView]
        }

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let document = try await docket.documents.get(id, as: actor)
            let signatures = try await docket.documents.signatures(id, as: actor).map(SignatureView.init)
            if output.json { return try Output.json(Shown(document: document, signatures: signatures)) }
            for (label, value) in [
                ("id", document.id), ("title", document.title), ("file", document.filename),
                ("media type", document.mediaType), ("size", String(document.size)), ("sha256", document.sha256),
                ("classification", document.classification.rawValue), ("created", Timestamp.string(document.createdAt)),
            ] { print("\(label.padding(toLength: 15, withPad: " ", startingAt: 0))\(value)") }
            for signature in signatures {
                print("signature \(signature.number)    \(signature.signerSubject), \(Timestamp.string(signature.signedAt))")
            }
        }
    }

    struct Get: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Write a document's content to a file.")
        @Argument(help: "Document id.") var id: String
        @Option(name: .shortAndLong, help: "Where to write the content.") var output: String
        @OptionGroup var store: StoreOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let (_, content) = try await docket.documents.content(id, as: actor)
            if FileManager.default.fileExists(atPath: output) {
                throw DocketError.invalid("output", "\(output) already exists; choose a new path")
            }
            try content.write(to: output)
        }
    }

    struct Export: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Write the content, each signature as NAME.N.p7s, and the chain as chain.pem.")
        @Argument(help: "Document id.") var id: String
        @Option(help: "The directory to write into (created if missing).") var dir: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let written = try await docket.documents.export(id, to: dir, as: actor)
            if output.json { return try Output.json(written) }
            written.forEach { print($0) }
        }
    }
}
