import DocketCore
import Foundation
import Testing

/// The folded form the index keeps is what folding the whole text at once gives: lowercased,
/// decomposed by Foundation, đ as d, without nonspacing marks.
@Suite struct SearchTextTests {
    static func reference(_ text: String) -> String {
        // đ and ð replaced scalar by scalar: a mark typed after them makes another Character.
        let lower = String(String.UnicodeScalarView(text.lowercased().unicodeScalars.map { $0 == "đ" || $0 == "ð" ? "d" : $0 }))
        let decomposed = lower.decomposedStringWithCanonicalMapping
        return String(String.UnicodeScalarView(decomposed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }))
    }

    @Test func foldingMatchesFoldingTheWholeText() {
        var generator = SystemRandomNumberGenerator()
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xC0...0x24F, 0x300...0x36F, 0x1E00...0x1EFF, 0x391...0x3C9, 0x400...0x45F]
        var samples = ["CHUYỂN ĐỔI SỐ", "Đảng ủy Khối", "Tỉnh ủy Hà Giang", "NGÂN SÁCH ĐẦU TƯ", "đường", "Đương"]
        samples += samples.map(\.decomposedStringWithCanonicalMapping)
        samples += (0..<3_000).map { _ in
            String(String.UnicodeScalarView((0..<Int.random(in: 1...20, using: &generator)).compactMap { _ in
                Unicode.Scalar(UInt32.random(in: ranges[Int.random(in: 0..<ranges.count, using: &generator)], using: &generator))
            }))
        }
        let different = samples.filter { !SearchText.folded($0).unicodeScalars.elementsEqual(Self.reference($0).unicodeScalars) }
        #expect(different.count == 0, "\(different.prefix(3).map { $0.unicodeScalars.map { String($0.value, radix: 16) } })")
        #expect(SearchText.folded("Chuyển Đổi Số") == "chuyen doi so")
    }
}
