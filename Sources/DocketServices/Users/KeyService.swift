import DocketCore
import DocketCrypto
import Foundation

/// Keys and certificates: showing, exporting the roots, importing a signer, issuing user signers.
public struct KeyService: Sendable {
    let storage: any Storage
    let keys: KeyStore
    let audit: AuditLog
    let configuration: DocketConfiguration

    /// The office signer, intermediates and trusted roots (anyone may look).
    public func show(as actor: User) throws -> KeyOverview {
        try KeyStore.translating {
            let office = try keys.certificate(at: keys.officeCertificate)
            let keyText = (try? String(contentsOf: keys.officeKey, encoding: .utf8)) ?? ""
            return KeyOverview(
                officeSigner: CertificateSummary(office), officeKeyFile: keys.officeKey.path,
                officeKeyEncrypted: keyText.contains("ENCRYPTED"),
                intermediates: try Certificate.loadAll(pem: Data(contentsOf: keys.officeChain)).map(CertificateSummary.init),
                trustedRoots: try keys.trustStore().anchors.map(CertificateSummary.init))
        }
    }

    /// The trusted roots as PEM: what an auditor needs to verify offline.
    public func trustedRootsPEM() throws -> Data {
        try KeyStore.translating { try Data(contentsOf: keys.trustAnchors) }
    }

    /// Replaces the office signer (admin); the chain must verify.
    public func importOfficeSigner(certificate: Data, key: Data, chain: Data?, as actor: User) async throws
        -> CertificateSummary
    {
        try actor.require(.manageKeys)
        let imported = CertificateSummary(try keys.importOfficeSigner(certificate: certificate, key: key, chain: chain))
        try await storage.write { writer in
            try audit.record(
                writer, actor: actor.id, action: .keysImport, subject: "office-signer",
                details: ["subject": imported.subject, "issuer": imported.issuer, "serial": imported.serial])
        }
        return imported
    }

    /// Issues a personal signing certificate to a user from the organisation root (admin).
    public func issueUserCertificate(_ username: String, as actor: User) async throws -> CertificateSummary {
        try actor.require(.manageKeys)
        guard let user = try await storage.read({ try $0.user(username: username) }) else {
            throw DocketError.notFound("user", username)
        }
        let root = try KeyStore.translating { try keys.certificate(at: keys.rootCertificate) }
        let organisation = root.subject.components(separatedBy: ",").first { $0.hasPrefix("O=") }.map { String($0.dropFirst(2)) } ?? ""
        let issued = CertificateSummary(
            try keys.issueUserCertificate(for: user, organisation: organisation, now: configuration.time.now()))
        try await storage.write { writer in
            try audit.record(
                writer, actor: actor.id, action: .keysIssue, subject: user.id,
                details: ["subject": issued.subject, "serial": issued.serial])
        }
        return issued
    }
}
