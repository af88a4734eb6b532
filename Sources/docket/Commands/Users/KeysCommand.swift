import ArgumentParser
import DocketCore
import DocketServices
import Foundation

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Signing keys and certificates.",
        subcommands: [Show.self, ExportCA.self, Import.self, Issue.self, Timestamping.self])
}

extension KeysCommand {
    struct Show: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Show the office signer and the trusted roots.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let overview = try docket.keyring.show(as: actor)
            if output.json { return try Output.json(overview) }
            func show(_ label: String, _ certificate: CertificateSummary) {
                print("\(label): \(certificate.subject)")
                print("  issuer \(certificate.issuer), serial \(certificate.serial)")
                print("  valid \(Timestamp.string(certificate.notBefore)) to \(Timestamp.string(certificate.notAfter))")
                print("  SHA-256 \(certificate.sha256Fingerprint)")
            }
            show("Office signer", overview.officeSigner)
            print("  key \(overview.officeKeyFile) (\(overview.officeKeyEncrypted ? "encrypted" : "not encrypted"))")
            overview.intermediates.forEach { show("Intermediate", $0) }
            overview.trustedRoots.forEach { show("Trusted root", $0) }
            print("Time-stamping: " + (overview.timestamping.url.map { "every signature, by \($0)" } ?? "off"))
            overview.timestamping.trustedRoots.forEach { show("Time-stamping root", $0) }
        }
    }

    struct Timestamping: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Time-stamp every signature (RFC 3161) by an authority, or stop (admin).",
            discussion: """
                A first token is asked for and checked before the setting is kept. The roots stay \
                after --off so that tokens made before still verify; `keys export-ca` includes them.
                """)
        @Option(help: "The authority's address, e.g. http://tsa.example.vn/tsr.") var url: String?
        @Option(help: "PEM file with the root certificate(s) its tokens chain to.") var ca: String?
        @Flag(help: "Stop time-stamping.") var off = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            if off {
                guard url == nil, ca == nil else { throw DocketError.invalid("off", "--off takes no --url or --ca") }
                try await docket.keyring.stopTimestamping(as: actor)
                return print("Signatures are no longer time-stamped")
            }
            guard let url else { throw DocketError.invalid("url", "name the authority with --url, or pass --off") }
            guard let ca else { throw DocketError.invalid("ca", "pass the root certificate(s) its tokens chain to with --ca") }
            let roots = try InputFile.read(ca, field: "ca")
            let setting = try await docket.keyring.setTimestamping(url: url, roots: roots, as: actor)
            if output.json { return try Output.json(setting) }
            print("Every signature is now time-stamped by \(url); a first token verified")
        }
    }

    struct ExportCA: DocketRunnable {
        static let configuration = CommandConfiguration(
            commandName: "export-ca", abstract: "Write the trusted root certificate(s) as PEM, for offline verification.")
        @Option(name: .shortAndLong, help: "Where to write the PEM.") var output: String
        @OptionGroup var store: StoreOptions

        func execute() async throws {
            let docket = try store.open()
            try docket.keyring.trustedRootsPEM().write(to: URL(fileURLWithPath: output))
        }
    }

    struct Import: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Replace the office signer with a certificate from another CA; its chain must verify.")
        @Option(help: "The certificate (PEM).") var cert: String
        @Option(help: "Its private key (PEM; encrypted keys use DOCKET_KEY_PASSPHRASE).") var key: String
        @Option(help: "The issuing chain up to the root (PEM bundle).") var chain: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let certificate = try InputFile.read(cert, field: "cert")
            let privateKey = try InputFile.read(key, field: "key")
            let chainPEM = try chain.map { try InputFile.read($0, field: "chain") }
            let (docket, actor) = try await store.openActing()
            let imported = try await docket.keyring.importOfficeSigner(
                certificate: certificate, key: privateKey, chain: chainPEM, as: actor)
            if output.json { return try Output.json(imported) }
            print("The office signer is now \(imported.subject), issued by \(imported.issuer)")
        }
    }

    struct Issue: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Issue a personal signing certificate to a user from the organisation root CA.")
        @Argument(help: "User name.") var name: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let issued = try await docket.keyring.issueUserCertificate(name, as: actor)
            if output.json { return try Output.json(issued) }
            print("Issued \(issued.subject), serial \(issued.serial)")
        }
    }
}
