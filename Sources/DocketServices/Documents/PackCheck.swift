import DocketCore
import DocketCrypto
import DocketPack
import Foundation

/// Offline verification of a pack file, for `docket pack verify`.
public enum PackCheck {
    /// Verifies the pack at `path` against the roots in the PEM file at `caPath`.
    public static func verify(packAt path: String, caPath: String) throws -> PackReport {
        guard let pem = FileManager.default.contents(atPath: caPath) else {
            throw DocketError.invalid("ca", "cannot read the CA certificate file \(caPath)")
        }
        let trust = try KeyStore.translating { try TrustStore(anchors: Certificate.loadAll(pem: pem)) }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw DocketError.invalid("pack", "cannot read the pack \(path)")
        }
        return PackVerifier(trust: trust).verify(packAt: path)
    }
}
