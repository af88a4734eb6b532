import DocketTestSupport
import Foundation
import Testing

/// RFC 3161 time-stamps on signatures (CAdES B-T) from a real local authority (`openssl ts
/// -reply` over HTTP), checked by Docket and by `openssl ts -verify` and `openssl cms -verify`.
@Suite struct SignatureTimestampTests {
    /// Writes the signature value and the time-stamp token of a CMS signature's first signer to
    /// `value.bin` and `token.der`, reading offsets from `openssl asn1parse` (nothing of Docket's).
    static let extract = #"""
        import subprocess, sys
        der = open(sys.argv[1], "rb").read()
        lines = subprocess.run(["openssl", "asn1parse", "-inform", "DER", "-in", sys.argv[1]], capture_output=True, text=True, check=True).stdout.splitlines()
        def field(line):
            offset, rest = line.split(":", 1)
            depth = int(rest.split("d=")[1].split()[0]); header = int(rest.split("hl=")[1].split()[0]); length = int(rest.split("l=")[2].split()[0])
            return int(offset), depth, header, length
        stamp = next(i for i, line in enumerate(lines) if "id-smime-aa-timeStampToken" in line)
        offset, _, header, length = field(lines[stamp + 2])
        open(sys.argv[2] + "/token.der", "wb").write(der[offset:offset + header + length])
        unsigned = max(i for i in range(stamp) if "cont [ 1 ]" in lines[i])
        offset, _, header, length = field(lines[unsigned - 1])
        open(sys.argv[2] + "/value.bin", "wb").write(der[offset + header:offset + header + length])
        """#

    @Test func everySignatureCarriesATokenThatOpenSSLAccepts() throws {
        let tsa = try LocalTimestampAuthority()
        let docket = try DocketBinary(user: "admin")
        _ = try docket.ok("init", "--org", "Văn phòng Tỉnh ủy")
        let file = try docket.workspace.write(Data("Tờ trình số 12".utf8), to: "to-trinh.txt")

        // A wrong root or an address nobody answers is refused, and nothing is kept.
        let otherRoot = try LocalTimestampAuthority()
        let wrongRoot = try docket.run("keys", "timestamping", "--url", tsa.url, "--ca", otherRoot.rootPEM)
        #expect(wrongRoot.status == 8 && wrongRoot.stderr.contains("was not accepted") && wrongRoot.stderr.contains("[timestamping]"), "\(wrongRoot.stderr)")
        otherRoot.stop()
        let nobody = try docket.run("keys", "timestamping", "--url", otherRoot.url, "--ca", tsa.rootPEM)
        #expect(nobody.status == 8 && nobody.stderr.contains("gave no token") && nobody.stderr.contains("[timestamping]"), "\(nobody.stderr)")
        let notURL = try docket.run("keys", "timestamping", "--url", "tsa.local", "--ca", tsa.rootPEM)
        #expect(notURL.status == 2 && notURL.stderr.contains("[url]"), "\(notURL.stderr)")
        #expect(try docket.ok("keys", "show").stdout.contains("Time-stamping: off"))

        _ = try docket.ok("keys", "timestamping", "--url", tsa.url, "--ca", tsa.rootPEM)
        #expect(try docket.ok("keys", "show").stdout.contains("Time-stamping: every signature, by \(tsa.url)"))
        let document = try #require(docket.json(try docket.ok("doc", "add", file, "--json"))["id"] as? String)
        let before = Date()
        _ = try docket.ok("doc", "sign", document)
        let verified = try docket.ok("doc", "verify", document)
        #expect(verified.stdout.contains("time-stamp") && verified.stdout.contains("CN=Local Test TSA") && verified.stdout.contains("VALID"), "\(verified.stdout)")
        let report = try #require(((docket.json(try docket.ok("doc", "verify", document, "--json"))["signatures"] as? [[String: Any]])?.last?["report"] as? [String: Any])?["timestamp"] as? [String: Any])
        #expect(report["valid"] as? Bool == true)
        let time = try #require((report["time"] as? String).flatMap { try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse($0) } ?? (report["time"] as? String).flatMap { try? Date.ISO8601FormatStyle().parse($0) })
        #expect(abs(time.timeIntervalSince(before)) < 120, "\(time) vs \(before)")

        // openssl checks the token over the signature value, and the signature over the content.
        let out = docket.workspace.file("export")
        _ = try docket.ok("doc", "export", document, "--dir", out)
        let signature = "\(out)/to-trinh.txt.1.p7s"
        _ = try Command.output("python3", ["-c", Self.extract, signature, out])
        let tokenCheck = try Command.run("openssl", ["ts", "-verify", "-data", "\(out)/value.bin", "-in", "\(out)/token.der", "-token_in", "-CAfile", tsa.rootPEM])
        #expect(tokenCheck.status == 0 && tokenCheck.stdout.contains("Verification: OK"), "\(tokenCheck.stdout)\(tokenCheck.stderr)")
        let elsewhere = try Command.run("openssl", ["ts", "-verify", "-data", file, "-in", "\(out)/token.der", "-token_in", "-CAfile", tsa.rootPEM])
        #expect(elsewhere.status != 0, "a token must not verify over other bytes")
        let cms = try Command.run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", signature, "-content", file, "-CAfile", "\(out)/chain.pem", "-out", "/dev/null"])
        #expect(cms.status == 0, "\(cms.stderr)")

        // Offline: the exported roots carry the authority's root, so `docket verify` checks the token too.
        let roots = docket.workspace.file("roots.pem")
        _ = try docket.ok("keys", "export-ca", "-o", roots)
        let offline = try Command.run(DocketBinary.path, ["verify", file, "--signature", signature, "--ca", roots, "--json"], environment: ["DOCKET_DATA_DIR": "/nonexistent"])
        let offlineStamp = try docket.json(offline)["timestamp"] as? [String: Any]
        #expect(offline.status == 0 && offlineStamp?["valid"] as? Bool == true, "\(offline.stdout)\(offline.stderr)")
        let withoutAuthority = try Command.run(DocketBinary.path, ["verify", file, "--signature", signature, "--ca", "\(out)/chain.pem"])
        #expect(withoutAuthority.status == 1 && withoutAuthority.stdout.contains("time-stamp    FAILS"), "\(withoutAuthority.stdout)")

        // An authority that stops answering stops signing: no signature is added without a token.
        tsa.stop()
        let down = try docket.run("doc", "sign", document)
        #expect(down.status == 8 && down.stderr.contains("nothing was signed"), "\(down.stderr)")
        let signatures = try docket.ok("doc", "show", document, "--json")
        #expect((try docket.json(signatures)["signatures"] as? [Any])?.count == 1)
        _ = try docket.ok("keys", "timestamping", "--off")
        _ = try docket.ok("doc", "sign", document)
        let last = try #require((docket.json(try docket.ok("doc", "verify", document, "--json"))["signatures"] as? [[String: Any]])?.last?["report"] as? [String: Any])
        #expect(last["timestamp"] == nil && last["contentMatches"] as? Bool == true)
        let events = try docket.ok("audit", "list", "--subject", "timestamping")
        #expect(events.stdout.contains("keys.timestamping"), "\(events.stdout)")
    }
}
