import DocketCore
import DocketCrypto
import Foundation

/// File names in one export directory, each used once: `chain.pem` as a document's name becomes
/// `chain (2).pem`, so the export never writes over its own files.
struct ExportNames {
    private var used: Set<String>

    init(reserved: Set<String>) { used = reserved }

    mutating func distinct(_ name: String) -> String {
        let stem = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        var candidate = name
        var number = 2
        while used.contains(candidate) {
            candidate = "\(stem) (\(number))" + (ext.isEmpty ? "" : ".\(ext)")
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}
