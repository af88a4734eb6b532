import DocketCore
import Foundation

/// Document types in symbols (`57-NQ/TW`: type NQ), as Hướng dẫn 36-HD/VPTW and Decree 30/2020
/// write them.
enum DocumentType {
    /// The usual types, spelled as printed: NQ resolution, QĐ decision, CT directive, KL
    /// conclusion, QC/QĐi rules, TB notice, HD guidance, BC report, KH plan, CTr programme, ĐA
    /// project, TTr submission, CV letter, BB minutes, GM invitation.
    static let known = ["NQ", "QĐ", "CT", "KL", "QC", "QĐi", "TB", "HD", "BC", "KH", "CTr", "ĐA", "TTr", "CV", "BB", "GM"]

    /// The known types by their comparison key, computed once: every registration looks one up.
    private static let knownByKey = Dictionary(uniqueKeysWithValues: known.map { (CanonicalName.key($0), $0) })

    /// `text` as a type: a known type in its printed spelling whatever the case typed, else
    /// letters and digits as typed (up to 10).
    static func parse(_ text: String, field: String) throws -> String {
        let type = CanonicalName.nfc(text.trimmingCharacters(in: .whitespaces))
        if let known = knownByKey[CanonicalName.key(type)] { return known }
        guard (1...10).contains(type.count), type.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw DocketError.invalid(
                field, "'\(text)' is not a document type; use letters such as CV, NQ, TB, QĐ (1 to 10 letters or digits)")
        }
        return type
    }

    /// The type a number and symbol shows, e.g. `CV` in `12-CV/TU` or `12/CV-UBND`. Parsed by hand:
    /// it runs on every registration, and a regex literal is compiled anew each time it is used.
    static func from(symbol: String) -> String? {
        var rest = Substring(symbol).drop { $0 == " " }
        guard rest.first?.isNumber == true else { return nil }
        rest = rest.drop { $0.isNumber }.drop { $0 == " " }
        guard rest.first == "-" || rest.first == "/" else { return nil }
        let type = rest.dropFirst().drop { $0 == " " }.prefix { $0.isLetter || $0.isNumber }
        return type.isEmpty ? nil : try? parse(String(type), field: "type")
    }
}
