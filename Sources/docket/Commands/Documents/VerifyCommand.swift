import ArgumentParser
import DocketCore
import DocketCrypto
import Foundation

/// Offline verification: needs no data directory, only the file, its signature and a root.
struct VerifyCommand: DocketRunnable {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a detached CMS signature over a file against a trusted root, offline.")
    @Argument(help: "The signed file.") var file: String
    @Option(help: "The detached signature (DER .p7s).") var signature: String
    @Option(help: "PEM file with the trusted root certificate(s).") var ca: String
    @OptionGroup var output: OutputOptions

    func execute() async throws {
        let der = try InputFile.read(signature, field: "signature")
        let roots = try Certificate.loadAll(pem: InputFile.read(ca, field: "ca"))
        guard !roots.isEmpty else { throw DocketError.invalid("ca", "\(ca) holds no PEM certificates") }
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw DocketError.invalid("file", "cannot read \(file)")
        }
        let report: SignatureReport
        do {
            let trust = try TrustStore(anchors: roots)
            report = try CMSVerifier(trust: trust, timestampTrust: trust).verify(signature: der, contentFileAt: file)
        } catch let error as SignatureError {
            throw DocketError(.verificationFailed, "\(signature): \(error.description)", field: "signature")
        }
        if output.json { try Output.json(report) } else { SignatureReportText.print(report, indent: "") }
        if !report.isValid { throw ExitCode(1) }
    }
}
