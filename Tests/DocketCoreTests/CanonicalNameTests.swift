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
