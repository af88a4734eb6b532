import DocketCore
import DocketTestSupport
import Foundation
import Testing

/// One identity per name: every spelling of a name meets in one key; look-alikes are refused.
@Suite struct CanonicalNameTests {
    @Test(arguments: [
        ("hùng2", "hu\u{0300}ng2"), ("Đạt", "đạt"), ("\u{212A}iem", "kiem"), ("BCĐCĐS", "bcđcđs"), ("Straße", "STRASSE"),
        ("ΣΟΦΟΣ", "σοφος"),
    ])
    func spellingsOfOneNameShareAKey(one: String, other: String) {
        #expect(CanonicalName.key(one).unicodeScalars.elementsEqual(CanonicalName.key(other).unicodeScalars))
    }

    /// The fast NFC agrees with Foundation's on Vietnamese typed composed and decomposed, on marks
    /// typed out of canonical order, and on random text from the scripts in use here. (Not Hangul:
    /// Foundation turns an archaic jamo before a vowel, U+1113 U+1169, into U+FFFD.)
    @Test func nfcAgreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xC0...0x24F, 0x300...0x36F, 0x1E00...0x1EFF, 0x391...0x3C9, 0x400...0x45F, 0x2100...0x214F]
        var samples = ["Tỉnh ủy Hà Giang", "Chuyển đổi số", "Đảng ủy", "a\u{0323}\u{0302}", "a\u{0302}\u{0323}", "ΣΟΦΟΣ"]
        samples += samples.map(\.decomposedStringWithCanonicalMapping)
        samples += (0..<5_000).map { _ in
            String(String.UnicodeScalarView((0..<Int.random(in: 1...12, using: &generator)).compactMap { _ in
                Unicode.Scalar(UInt32.random(in: ranges[Int.random(in: 0..<ranges.count, using: &generator)], using: &generator))
            }))
        }
        let different = samples.filter {
            !CanonicalName.nfc($0).unicodeScalars.elementsEqual($0.precomposedStringWithCanonicalMapping.unicodeScalars)
        }
        #expect(different.count == 0, "\(different.prefix(3).map { $0.unicodeScalars.map { String($0.value, radix: 16) } })")
    }

    @Test(arguments: [("dương", "đương"), ("hùng", "hung"), ("BTC", "BTC1")])
    func differentNamesKeepDifferentKeys(one: String, other: String) {
        #expect(CanonicalName.key(one) != CanonicalName.key(other))
    }

    @Test(arguments: [
        ("\u{212A}iem", "U+212A", 1), ("ki\u{200D}em", "U+200D", 3), ("\u{FEFF}mai", "U+FEFF", 1), ("mai\u{202E}", "U+202E", 4),
        ("\u{FF4D}ai", "U+FF4D", 1), ("ma\u{00AD}i", "U+00AD", 3),
    ])
    func invisibleDirectionalAndLookAlikeCharactersAreRefusedByPosition(name: String, code: String, position: Int) {
        let error = thrownError { _ = try CanonicalName.identifier(name, field: "username", what: "a username") }
        #expect(error?.kind == .init(.invalidInput, "username"))
        let message = error?.message ?? ""
        #expect(message.contains(code) && message.contains("at position \(position):"), "\(message)")
    }

    @Test func identifiersAreTrimmedAndComposed() throws {
        let made = try CanonicalName.identifier("  hu\u{0300}ng2 ", field: "username", what: "a username")
        #expect(made.unicodeScalars.elementsEqual("hùng2".unicodeScalars))
    }

    @Test func fileNamesMayNotTurnAround() {
        #expect(thrownError { try CanonicalName.checkFileName("exe\u{202E}fdp.pdf", field: "filename") }?.kind == .init(.invalidInput, "filename"))
        #expect(thrownError { try CanonicalName.checkFileName("Tờ trình (bản 2).pdf", field: "filename") } == nil)
    }
}
