import DocketCrypto
import Foundation

/// Verifies an agenda pack offline: the ZIP layout, the manifest's signature against the given
/// roots, and every member against the manifest. Needs no server and no database.
public struct PackVerifier: Sendable {
    public let trust: TrustStore

    public init(trust: TrustStore) { self.trust = trust }

    public func verify(packAt path: String) -> PackReport {
        var report = PackReport(pack: path, files: [], problems: [])
        let zip: ZipReader
        do {
            zip = try ZipReader(path: path)
        } catch {
            report.problems.append("\(error)")
            return report
        }
        report.problems += zip.layoutProblems
        let byName = Dictionary(zip.entries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        guard let manifestEntry = byName[PackManifest.manifestPath] else {
            report.problems.append("\(PackManifest.manifestPath) is missing")
            return report
        }
        guard let signatureEntry = byName[PackManifest.signaturePath] else {
            report.problems.append("\(PackManifest.signaturePath) is missing: the manifest is not signed")
            return report
        }
        let manifestBytes: Data
        let manifest: PackManifest
        do {
            manifestBytes = try zip.data(manifestEntry)
            let signature = try zip.data(signatureEntry)
            let signed = try CMSVerifier(trust: trust, timestampTrust: trust).verify(signature: signature, content: manifestBytes)
            report.signer = signed.signerSubject
            report.signerIssuer = signed.signerIssuer
            report.signingTime = signed.signingTime
            if !signed.contentMatches {
                report.problems.append("\(PackManifest.manifestPath) does not match its signature \(PackManifest.signaturePath) (\(signed.contentProblem ?? "altered"))")
            }
            if !signed.chainValid {
                report.problems.append("the signer \(signed.signerSubject) is not trusted by the given CA: \(signed.chainProblem ?? "untrusted")")
            }
            manifest = try JSONDecoder().decode(PackManifest.self, from: manifestBytes)
        } catch {
            report.problems.append("\(error)")
            return report
        }
        report.session = manifest.session?.id
        report.agendaVersion = manifest.agenda?.version
        report.dossiers = manifest.archive?.dossiers.map(\.code)
        if !PackManifest.readableFormats.contains(manifest.format) {
            report.problems.append("\(PackManifest.manifestPath) has the format \(manifest.format), not \(PackManifest.format)")
        }

        let listed = Dictionary(manifest.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let signedMembers: Set<String> = [PackManifest.manifestPath, PackManifest.signaturePath]
        for entry in zip.entries where !signedMembers.contains(entry.name) && listed[entry.name] == nil {
            report.problems.append("\(entry.name) is in the pack but not in the manifest (an extra file)")
        }
        for file in manifest.files {
            guard let entry = byName[file.path] else {
                report.problems.append("\(file.path) is listed in the manifest but missing from the pack")
                continue
            }
            let hasher = SHA256Hasher()
            var problem: String?
            do {
                try zip.read(entry) { hasher.update($0) }
                let digest = hasher.finalize().hexString
                if entry.size != file.size {
                    problem = "\(file.path) is \(entry.size) bytes, the manifest says \(file.size)"
                } else if digest != file.sha256 {
                    problem = "\(file.path) does not match its SHA-256 in the manifest (the file was altered)"
                }
                report.files.append(.init(path: file.path, size: entry.size, sha256: digest, ok: problem == nil))
            } catch {
                problem = "\(error)"
                report.files.append(.init(path: file.path, size: entry.size, sha256: "", ok: false))
            }
            if let problem { report.problems.append(problem) }
        }
        if let anchor = manifest.audit {
            // An agenda pack's event is about its session; an archive pack's is the transfer.
            let field = manifest.session?.id ?? "dossier.transfer"
            switch Self.check(anchor, about: field) {
            case .success(let proved): report.auditEvent = proved
            case .failure(let problem): report.problems.append(problem.description)
            }
        }
        for document in manifest.documents {
            for path in [document.path].compactMap({ $0 }) + document.signatures.compactMap(\.path) where listed[path] == nil {
                report.problems.append("document \(document.id) refers to \(path), which the manifest does not list")
            }
            if let path = document.path, let file = listed[path], file.sha256 != document.sha256 {
                report.problems.append("document \(document.id): \(path) is not the document the manifest describes")
            }
        }
        return report
    }

    struct AnchorProblem: Error, CustomStringConvertible { let description: String }

    /// Checks the pack's audit anchor: the checkpoint is signed by the log key the (CMS-signed)
    /// manifest names, and the issuing event proves into it.
    static func check(_ anchor: PackManifest.AuditAnchor, about field: String) -> Result<String, AnchorProblem> {
        func fail(_ why: String) -> Result<String, AnchorProblem> { .failure(AnchorProblem(description: "audit anchor: \(why)")) }
        guard let key = Data(base64Encoded: anchor.logKey).map(Array.init), key.count == 32,
            let event = Data(base64Encoded: anchor.event).map(Array.init)
        else { return fail("the log key or the event is not base64") }
        let name = SignedNote.logName(publicKey: key)
        guard let body = SignedNote.verifiedBody(anchor.checkpoint, name: name, publicKey: key),
            let checkpoint = SignedNote.checkpoint(body), checkpoint.origin == name
        else { return fail("the checkpoint is not signed by the log key in the manifest") }
        let path = anchor.path.compactMap { [UInt8](hex: $0) }
        guard path.count == anchor.path.count, checkpoint.size == anchor.treeSize,
            MerkleTree.verifyInclusion(
                leaf: MerkleTree.leafHash(event), index: Int(anchor.sequence - 1), size: checkpoint.size, proof: path,
                root: checkpoint.root)
        else { return fail("event \(anchor.sequence) does not prove into the checkpoint of \(checkpoint.size) events") }
        // A field of the canonical encoding is its UTF-8 length, a colon, the value and a newline.
        guard String(decoding: event, as: UTF8.self).contains("\n\(field.utf8.count):\(field)\n") else {
            return fail("event \(anchor.sequence) is not the one that issued this pack (\(field))")
        }
        return .success("event \(anchor.sequence) of \(name) (log of \(checkpoint.size) events)")
    }
}
