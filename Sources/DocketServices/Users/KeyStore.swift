import DocketCore
import DocketCrypto
import Foundation
import Synchronization

/// The keys and certificates under `keys/`: the organisation root CA, the office signer,
/// per-user signers, and the trust anchors verification uses.
///
/// - `root-ca.pem`, `root-ca.key.pem`: the organisation root (self-signed).
/// - `office.pem`, `office.key.pem`, `office-chain.pem`: the office signer and its intermediates.
/// - `trust.pem`: every root Docket trusts (its own, plus the roots of imported chains).
/// - `users/ID.pem`, `users/ID.key.pem`: a user's own signer, when issued.
/// - `timestamping.url`, `timestamping-roots.pem`: the RFC 3161 authority signatures are
///   time-stamped by, when one is set, and the roots its tokens chain to (kept when it is unset,
///   so earlier tokens still verify).
final class KeyStore: Sendable {
    let directory: URL
    let passphrase: String?
    private let cache = Mutex<(office: CMSSigner?, trust: TrustStore?, auditLog: AuditLogKey?)>((nil, nil, nil))

    init(directory: URL, passphrase: String?) {
        self.directory = directory
        self.passphrase = passphrase
    }

    func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
    var rootCertificate: URL { file("root-ca.pem") }
    var rootKey: URL { file("root-ca.key.pem") }
    var officeCertificate: URL { file("office.pem") }
    var officeKey: URL { file("office.key.pem") }
    var officeChain: URL { file("office-chain.pem") }
    var trustAnchors: URL { file("trust.pem") }
    var auditLogKeyFile: URL { file("audit-log.key.pem") }
    var timestampingURL: URL { file("timestamping.url") }
    var timestampingRoots: URL { file("timestamping-roots.pem") }
    func userCertificate(_ userID: String) -> URL { file("users/\(userID).pem") }
    func userKey(_ userID: String) -> URL { file("users/\(userID).key.pem") }

    /// Makes the root CA and the office signer for a new store.
    func create(organisation: String, keyType: KeyType, now: Date) throws {
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("users"), withIntermediateDirectories: true)
        let rootKey = try PrivateKey.generate(keyType)
        let root = try CertificateIssuer.issue(
            .rootCA, subject: .init(commonName: "\(organisation) Root CA", organization: organisation),
            subjectKey: rootKey, issuer: nil, issuerKey: rootKey, validFrom: now, days: 365 * 20)
        let officeKey = try PrivateKey.generate(keyType)
        let office = try CertificateIssuer.issue(
            .documentSigner, subject: .init(commonName: "\(organisation) Office", organization: organisation),
            subjectKey: officeKey, issuer: root, issuerKey: rootKey, validFrom: now, days: 365 * 5)
        try writeKey(rootKey, to: self.rootKey)
        try writeKey(officeKey, to: self.officeKey)
        try write(root.pem, to: rootCertificate)
        try write(office.pem, to: officeCertificate)
        try write(Data(), to: officeChain)
        try write(root.pem, to: trustAnchors)
    }

    // MARK: loading

    func certificate(at url: URL) throws -> Certificate {
        try Certificate.load(pem: read(url), name: url.lastPathComponent)
    }

    func key(at url: URL) throws -> PrivateKey {
        try Self.translating { try PrivateKey.load(pem: read(url), passphrase: passphrase, name: url.lastPathComponent) }
    }

    /// The office signer, loaded once, time-stamping when an authority is set.
    func officeSigner() throws -> CMSSigner {
        let stamp = try timestampAuthority()?.stamp
        if let signer = cache.withLock({ $0.office }) { return signer.timestamped(by: stamp) }
        let signer = try Self.translating {
            try CMSSigner(
                certificate: certificate(at: officeCertificate), key: key(at: officeKey),
                chain: Certificate.loadAll(pem: read(officeChain)))
        }
        cache.withLock { $0.office = signer }
        return signer.timestamped(by: stamp)
    }

    /// The time-stamping authority, read on every signature so that setting or unsetting it
    /// reaches a running server at once.
    func timestampAuthority() throws -> TimestampAuthority? {
        guard let text = try? String(contentsOf: timestampingURL, encoding: .utf8),
            let url = URL(string: text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { return nil }
        guard let trust = try timestampTrust() else {
            throw DocketError(.keyUnavailable, "\(timestampingRoots.path) is missing; set time-stamping again", field: "timestamping")
        }
        return TimestampAuthority(url: url, trust: trust)
    }

    /// The roots time-stamp tokens must chain to; nil when no authority was ever set.
    func timestampTrust() throws -> TrustStore? {
        guard FileManager.default.fileExists(atPath: timestampingRoots.path) else { return nil }
        return try Self.translating { try TrustStore(anchors: Certificate.loadAll(pem: read(timestampingRoots))) }
    }

    /// Time-stamps every signature from now on by the authority at `url`, whose tokens chain to
    /// `roots` (kept beside the roots set before).
    func setTimestamping(url: URL, roots: [Certificate]) throws {
        let existing = (try? Certificate.loadAll(pem: read(timestampingRoots))) ?? []
        let kept = existing + roots.filter { root in !existing.contains { $0.fingerprint == root.fingerprint } }
        try write(kept.reduce(Data()) { $0 + $1.pem }, to: timestampingRoots)
        try write(Data(url.absoluteString.utf8), to: timestampingURL)
    }

    /// Signs without time-stamps from now on; the roots stay for the tokens made before.
    func stopTimestamping() throws {
        if FileManager.default.fileExists(atPath: timestampingURL.path) { try FileManager.default.removeItem(at: timestampingURL) }
    }

    /// The Ed25519 key that signs audit checkpoints, with its raw public key: made on first use
    /// (stores made before checkpoints get theirs then; when two processes make it at once, the
    /// first one stays), then loaded once.
    func auditLogKey() throws -> AuditLogKey {
        if let key = cache.withLock({ $0.auditLog }) { return key }
        if !FileManager.default.fileExists(atPath: auditLogKeyFile.path) {
            let temporary = URL(fileURLWithPath: auditLogKeyFile.path + ".tmp-\(getpid())")
            try writeKey(try Ed25519.generate(), to: temporary)
            _ = link(temporary.path, auditLogKeyFile.path)  // EEXIST: another process made it first
            unlink(temporary.path)
        }
        let privateKey = try key(at: auditLogKeyFile)
        let key = AuditLogKey(privateKey: privateKey, publicKey: try Ed25519.publicKey(of: privateKey))
        cache.withLock { $0.auditLog = key }
        return key
    }

    /// The user's own signer when one was issued, else nil.
    func userSigner(_ userID: String) throws -> CMSSigner? {
        guard FileManager.default.fileExists(atPath: userCertificate(userID).path) else { return nil }
        let stamp = try timestampAuthority()?.stamp
        return try Self.translating {
            try CMSSigner(
                certificate: certificate(at: userCertificate(userID)), key: key(at: userKey(userID)),
                chain: Certificate.loadAll(pem: read(officeChain)).filter { !$0.isSelfSigned })
        }.timestamped(by: stamp)
    }

    /// The trust anchors, loaded once.
    func trustStore() throws -> TrustStore {
        if let trust = cache.withLock({ $0.trust }) { return trust }
        let trust = try Self.translating { try TrustStore(anchors: Certificate.loadAll(pem: read(trustAnchors))) }
        cache.withLock { $0.trust = trust }
        return trust
    }

    // MARK: changing

    /// Issues a signing certificate for a user from the organisation root.
    func issueUserCertificate(for user: User, organisation: String, now: Date) throws -> Certificate {
        try Self.translating {
            let root = try certificate(at: rootCertificate)
            let rootKey = try key(at: self.rootKey)
            let key = try PrivateKey.generate(
                (try? key(at: officeKey).algorithmDescription.hasPrefix("RSA")) == true ? .rsa3072 : .p256)
            let certificate = try CertificateIssuer.issue(
                .documentSigner, subject: .init(commonName: user.username, organization: organisation),
                subjectKey: key, issuer: root, issuerKey: rootKey, validFrom: now, days: 365 * 2)
            try writeKey(key, to: userKey(user.id))
            try write(certificate.pem, to: userCertificate(user.id))
            return certificate
        }
    }

    /// Replaces the office signer with `certificate` and `key`, after checking that the certificate
    /// chains through `chain` to a root in `chain` or one already trusted.
    func importOfficeSigner(certificate: Data, key: Data, chain: Data?) throws -> Certificate {
        try Self.translating {
            let newCertificate = try Certificate.load(pem: certificate, name: "--cert")
            let newKey = try PrivateKey.load(pem: key, passphrase: passphrase, name: "--key")
            guard newCertificate.matches(newKey) else { throw KeyError.mismatch(newCertificate.subject) }
            let chainCertificates = try chain.map { try Certificate.loadAll(pem: $0) } ?? []
            if chain != nil && chainCertificates.isEmpty {
                throw DocketError.invalid("chain", "--chain holds no PEM certificates")
            }
            let newRoots = chainCertificates.filter(\.isSelfSigned)
            let intermediates = chainCertificates.filter { !$0.isSelfSigned }
            let existing = try Certificate.loadAll(pem: read(trustAnchors))
            var anchors = existing
            for root in newRoots where !anchors.contains(where: { $0.fingerprint == root.fingerprint }) {
                anchors.append(root)
            }
            if let problem = try TrustStore(anchors: anchors).problem(with: newCertificate, intermediates: intermediates) {
                throw DocketError.invalid(
                    "chain", "the certificate \(newCertificate.subject) does not verify: \(problem); "
                        + "pass its issuing chain up to the root with --chain")
            }
            try writeKey(newKey, to: officeKey)
            try write(newCertificate.pem, to: officeCertificate)
            try write(intermediates.reduce(Data()) { $0 + $1.pem }, to: officeChain)
            try write(anchors.reduce(Data()) { $0 + $1.pem }, to: trustAnchors)
            cache.withLock { ($0.office, $0.trust) = (nil, nil) }
            return newCertificate
        }
    }

    // MARK: files

    fileprivate func read(_ url: URL) throws -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw DocketError(.keyUnavailable, "cannot read \(url.path); is this a Docket data directory?")
        }
    }

    private func write(_ data: Data, to url: URL) throws {
        try data.write(to: url, options: .atomic)
    }

    /// Keys are written with mode 0600 from the start, encrypted when a passphrase is set.
    private func writeKey(_ key: PrivateKey, to url: URL) throws {
        let pem = try key.pem(passphrase: passphrase)
        let temporary = url.path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: temporary)
        else { throw DocketError(.internalError, "cannot write \(url.path)") }
        try handle.write(contentsOf: pem)
        try handle.synchronize()
        try handle.close()
        guard rename(temporary, url.path) == 0 else { throw DocketError(.internalError, "cannot write \(url.path)") }
    }

    /// Turns crypto errors into `DocketError`s a clerk can act on.
    static func translating<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as KeyError {
            throw DocketError(.keyUnavailable, error.description, field: "key")
        } catch let error as CertificateError {
            throw DocketError(.invalidInput, error.description, field: "cert")
        } catch let error as SignatureError {
            throw DocketError(.verificationFailed, error.description, field: "signature")
        } catch let error as OpenSSLError {
            throw DocketError(.internalError, "OpenSSL: \(error.description)")
        }
    }
}

extension KeyStore {
    /// The office certificate, its intermediates and the trusted roots, as one PEM bundle.
    func chainPEM() throws -> Data {
        try [officeCertificate, officeChain, trustAnchors].reduce(Data()) { try $0 + read($1) }
    }
}

/// The audit log's signing key and its raw public key, which names the log.
struct AuditLogKey: Sendable {
    let privateKey: PrivateKey
    let publicKey: [UInt8]
}
