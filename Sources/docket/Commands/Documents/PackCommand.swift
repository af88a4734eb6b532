import ArgumentParser
import DocketCore
import DocketPack
import DocketServices
import Foundation

extension SessionCommand {
    struct Pack: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Write the session's signed agenda pack (a ZIP) as you may have it.")
        @Argument(help: "Session id.") var id: String
        @Option(name: .shortAndLong, help: "Where to write the ZIP.") var output: String
        @OptionGroup var store: StoreOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let pack = try await docket.packs.pack(id, as: actor)
            try await pack.write(toFileAt: output)
            let withheld = (pack.manifest.agenda?.items ?? []).filter { $0.withheldMaterial == true }.count
            print("Wrote \(output): \(pack.manifest.files.count + 2) files, agenda version \(pack.manifest.agenda?.version ?? 0), "
                + "\(pack.manifest.documents.count) documents"
                + (withheld > 0 ? "; \(withheld) agenda item(s) have material withheld at your clearance" : ""))
        }
    }
}

struct PackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack", abstract: "Signed packs.", subcommands: [Verify.self])

    struct Verify: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Verify a pack offline: its signature against --ca and every file against the manifest.",
            discussion: "Needs no store. Exit 0 when intact and trusted, 1 otherwise, naming every failure.")
        @Argument(help: "The pack (ZIP).") var pack: String
        @Option(help: "PEM file with the trusted root certificate(s).") var ca: String
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let report = try PackCheck.verify(packAt: pack, caPath: ca)
            if output.json {
                try Output.json(report)
            } else {
                if let signer = report.signer {
                    print("signer: \(signer)")
                    print("issuer: \(report.signerIssuer ?? "")")
                    print("signed: \(report.signingTime.map { Timestamp.string($0) } ?? "no signing time")")
                }
                if let session = report.session { print("session: \(session), agenda version \(report.agendaVersion ?? 0)") }
                if let dossiers = report.dossiers { print("dossiers: \(dossiers.joined(separator: ", "))") }
                if let event = report.auditEvent { print("issued by audit \(event)") }
                for file in report.files { print("\(file.ok ? "ok  " : "FAIL") \(file.path)") }
                for problem in report.problems { print("problem: \(problem)") }
                print(report.valid ? "VALID: \(report.files.count + 2) files checked" : "INVALID: \(report.problems.count) problem(s)")
            }
            if !report.valid { throw ExitCode(1) }
        }
    }
}
