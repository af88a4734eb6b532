import DocketCrypto
import DocketTestSupport
import Foundation
import Testing

/// Docket's CMS signatures and OpenSSL's command line must agree, both ways.
@Suite struct CMSInteropTests {
    let directory: TemporaryDirectory
    let root: Certificate
    let rootKey: PrivateKey
    let signer: CMSSigner
    let content = sampleBytes(100 * 1024)

    init() throws {
        directory = try TemporaryDirectory()
        rootKey = try PrivateKey.generate(.p256)
        root = try CertificateIssuer.issue(
            .rootCA, subject: .init(commonName: "Test Root", organization: "Tỉnh ủy"), subjectKey: rootKey,
            issuer: nil, issuerKey: rootKey, validFrom: Date().addingTimeInterval(-60), days: 30)
        let key = try PrivateKey.generate(.p256)
        let certificate = try CertificateIssuer.issue(
            .documentSigner, subject: .init(commonName: "Văn phòng", organization: "Tỉnh ủy"), subjectKey: key,
            issuer: root, issuerKey: rootKey, validFrom: Date().addingTimeInterval(-60), days: 30)
        signer = try CMSSigner(certificate: certificate, key: key)
        try directory.write(root.pem, to: "root.pem")
        try directory.write(content, to: "doc")
    }

    func opensslVerify(signature: String, content: String, ca: String) throws -> CommandResult {
        try Command.run(
            "openssl",
            ["cms", "-verify", "-binary", "-inform", "DER", "-in", signature, "-content", content, "-CAfile", ca,
             "-purpose", "any", "-out", "/dev/null"])
    }

    func otherRoot() throws -> String {
        let key = try PrivateKey.generate(.p256)
        let other = try CertificateIssuer.issue(
            .rootCA, subject: .init(commonName: "Test Root"), subjectKey: key, issuer: nil, issuerKey: key,
            validFrom: Date().addingTimeInterval(-60), days: 30)
        return try directory.write(other.pem, to: "other-root.pem")
    }

    @Test func docketSignatureVerifiesWithOpenSSL() throws {
        let signed = try signer.sign(content)
        try directory.write(signed.der, to: "doc.p7s")
        let result = try opensslVerify(signature: directory.file("doc.p7s"), content: directory.file("doc"), ca: directory.file("root.pem"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Verification successful"))
        #expect(signed.contentSHA256 == SHA256Hasher.hex(of: content))
    }

    @Test func signatureCarriesSigningTimeAndSigningCertificateV2() throws {
        try directory.write(try signer.sign(content).der, to: "doc.p7s")
        let printed = try Command.output("openssl", ["cms", "-cmsout", "-print", "-inform", "DER", "-in", directory.file("doc.p7s")])
        #expect(printed.contains("signingTime"))
        #expect(printed.contains("id-smime-aa-signingCertificateV2"))
        #expect(printed.contains("messageDigest"))
        #expect(printed.contains("eContent: <ABSENT>"))  // detached
    }

    @Test func oneChangedContentByteFailsInBoth() throws {
        let signed = try signer.sign(content)
        var changed = content
        changed[5000] ^= 0x01
        try directory.write(signed.der, to: "doc.p7s")
        try directory.write(changed, to: "changed")
        let report = try CMSVerifier(trust: TrustStore(anchors: [root])).verify(signature: signed.der, content: changed)
        #expect(!report.contentMatches)
        #expect(report.contentProblem?.contains("changed") == true)
        #expect(!report.isValid)
        #expect(try opensslVerify(signature: directory.file("doc.p7s"), content: directory.file("changed"), ca: directory.file("root.pem")).status != 0)
    }

    @Test func oneChangedSignatureByteFailsInBoth() throws {
        var der = try signer.sign(content).der
        // Flip a byte in the ECDSA signature value, near the end of the structure.
        der[der.count - 10] ^= 0x01
        try directory.write(der, to: "bad.p7s")
        let verifier = CMSVerifier(trust: try TrustStore(anchors: [root]))
        let valid = (try? verifier.verify(signature: der, content: content))?.isValid ?? false
        #expect(!valid)
        #expect(try opensslVerify(signature: directory.file("bad.p7s"), content: directory.file("doc"), ca: directory.file("root.pem")).status != 0)
    }

    @Test func anotherCAFailsInBoth() throws {
        let signed = try signer.sign(content)
        try directory.write(signed.der, to: "doc.p7s")
        let other = try otherRoot()
        let anchors = try Certificate.loadAll(pem: Data(contentsOf: URL(fileURLWithPath: other)))
        let report = try CMSVerifier(trust: TrustStore(anchors: anchors)).verify(signature: signed.der, content: content)
        #expect(report.contentMatches)
        #expect(!report.chainValid)
        #expect(report.chainProblem?.contains("issuer") == true)
        #expect(try opensslVerify(signature: directory.file("doc.p7s"), content: directory.file("doc"), ca: other).status != 0)
    }

    @Test func opensslSignatureWithDocketIssuedCertificateVerifiesInDocket() throws {
        let key = try PrivateKey.generate(.p256)
        let certificate = try CertificateIssuer.issue(
            .documentSigner, subject: .init(commonName: "OpenSSL signer"), subjectKey: key, issuer: root,
            issuerKey: rootKey, validFrom: Date().addingTimeInterval(-60), days: 30)
        try directory.write(certificate.pem, to: "signer.pem")
        try directory.write(key.pem(passphrase: nil), to: "signer.key")
        let made = try Command.run(
            "openssl",
            ["cms", "-sign", "-binary", "-outform", "DER", "-in", directory.file("doc"), "-signer",
             directory.file("signer.pem"), "-inkey", directory.file("signer.key"), "-out", directory.file("openssl.p7s")])
        #expect(made.status == 0, "\(made.stderr)")
        let der = try Data(contentsOf: URL(fileURLWithPath: directory.file("openssl.p7s")))
        let report = try CMSVerifier(trust: TrustStore(anchors: [root])).verify(signature: der, content: content)
        #expect(report.isValid, "\(report)")
        #expect(report.signerSubject == "CN=OpenSSL signer,C=VN")
        #expect(report.signingTime != nil)
    }

    @Test func rsaSignaturesWorkToo() throws {
        let key = try PrivateKey.generate(.rsa3072)
        let certificate = try CertificateIssuer.issue(
            .documentSigner, subject: .init(commonName: "RSA signer"), subjectKey: key, issuer: root,
            issuerKey: rootKey, validFrom: Date().addingTimeInterval(-60), days: 30)
        let signed = try CMSSigner(certificate: certificate, key: key).sign(content)
        try directory.write(signed.der, to: "rsa.p7s")
        #expect(key.algorithmDescription == "RSA 3072")
        #expect(try opensslVerify(signature: directory.file("rsa.p7s"), content: directory.file("doc"), ca: directory.file("root.pem")).status == 0)
    }

    @Test func garbageIsNotASignature() throws {
        let verifier = CMSVerifier(trust: try TrustStore(anchors: [root]))
        #expect(throws: SignatureError.self) { try verifier.verify(signature: Data("not der".utf8), content: content) }
    }
}

@Suite struct PrivateKeyTests {
    @Test func encryptedKeyWithoutPassphraseFailsClearly() throws {
        let pem = try PrivateKey.generate(.p256).pem(passphrase: "correct horse")
        #expect(String(decoding: pem, as: UTF8.self).hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        #expect(throws: KeyError.passphraseRequired("office.key.pem")) {
            try PrivateKey.load(pem: pem, passphrase: nil, name: "office.key.pem")
        }
        #expect(throws: KeyError.wrongPassphrase("office.key.pem")) {
            try PrivateKey.load(pem: pem, passphrase: "wrong", name: "office.key.pem")
        }
        #expect(KeyError.passphraseRequired("office.key.pem").description.contains("DOCKET_KEY_PASSPHRASE"))
        _ = try PrivateKey.load(pem: pem, passphrase: "correct horse", name: "office.key.pem")
    }

    @Test func opensslReadsOurEncryptedPKCS8() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(try PrivateKey.generate(.p256).pem(passphrase: "pass phrase"), to: "k.pem")
        let result = try Command.run("openssl", ["pkey", "-in", path, "-passin", "pass:pass phrase", "-noout"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func certificateMustMatchKey() throws {
        let key = try PrivateKey.generate(.p256)
        let root = try CertificateIssuer.issue(
            .rootCA, subject: .init(commonName: "R"), subjectKey: key, issuer: nil, issuerKey: key,
            validFrom: Date(), days: 1)
        #expect(throws: KeyError.self) { try CMSSigner(certificate: root, key: PrivateKey.generate(.p256)) }
    }
}
