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
                trustedRoots: try keys.trustStore().anchors.map(CertificateSummary.init),
                timestamping: .init(
                    url: try keys.timestampAuthority()?.url.absoluteString,
                    trustedRoots: try keys.timestampTrust()?.anchors.map(CertificateSummary.init) ?? []))
        }
    }

    /// The trusted roots, with the time-stamping authorities' roots, as PEM: what an auditor
    /// needs to verify signatures and their time-stamps offline.
    public func trustedRootsPEM() throws -> Data {
        try KeyStore.translating {
            let roots = try Data(contentsOf: keys.trustAnchors)
            let timestamping = (try? Data(contentsOf: keys.timestampingRoots)) ?? Data()
            return roots + timestamping
        }
    }

    /// Time-stamps every signature from now on (RFC 3161, CAdES B-T) by the authority at `url`,
    /// whose tokens must chain to one of `roots` (PEM) (admin). A first token is asked for and
    /// checked before anything is kept.
    public func setTimestamping(url text: String, roots: Data, as actor: User) async throws -> KeyOverview.Timestamping {
        try actor.require(.manageKeys)
        guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw DocketError.invalid("url", "\(text) is not an http:// or https:// address of a time-stamping authority")
        }
        let anchors = try KeyStore.translating { try Certificate.loadAll(pem: roots) }
        guard !anchors.isEmpty else { throw DocketError.invalid("ca", "--ca holds no PEM certificates") }
        let authority = TimestampAuthority(url: url, trust: try KeyStore.translating { try TrustStore(anchors: anchors) })
        _ = try authority.stamp(Data("Docket time-stamping check".utf8))
        try keys.setTimestamping(url: url, roots: anchors)
        try await storage.write { writer in
            try audit.record(
                writer, actor: actor.id, action: .keysTimestamping, subject: "timestamping",
                details: ["url": url.absoluteString, "roots": anchors.map(\.subject).joined(separator: "; ")])
        }
        return try show(as: actor).timestamping
    }

    /// Signs without time-stamps from now on (admin); tokens already made still verify.
    public func stopTimestamping(as actor: User) async throws {
        try actor.require(.manageKeys)
        try keys.stopTimestamping()
        try await storage.write { writer in
            try audit.record(writer, actor: actor.id, action: .keysTimestamping, subject: "timestamping", details: ["url": ""])
        }
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
