import DocketCore
import DocketTestSupport
import Foundation
import Testing

/// Spreadsheets as clerks save them: quotes, every line ending, a byte order mark, Vietnamese.
@Suite struct CSVTests {
    func fields(_ text: String) throws -> [[String]] { try CSV.parse(Data(text.utf8)).map(\.fields) }
    func lines(_ text: String) throws -> [Int] { try CSV.parse(Data(text.utf8)).map(\.line) }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        #expect(try fields(#"a,"b, c","say ""hi""",d"# + "\n") == [["a", "b, c", #"say "hi""#, "d"]])
        #expect(try fields("\"dòng 1\ndòng 2\",x\ny,z\n") == [["dòng 1\ndòng 2", "x"], ["y", "z"]])
        #expect(try lines("\"dòng 1\ndòng 2\",x\ny,z\n") == [1, 3])
        #expect(try fields("a,,\n") == [["a", "", ""]])
    }

    @Test(arguments: ["a,b\nc,d\n", "a,b\r\nc,d\r\n", "a,b\rc,d\r", "a,b\r\nc,d", "\u{FEFF}a,b\nc,d\n"])
    func everyLineEndingAndAByteOrderMarkGiveTheSameRecords(text: String) throws {
        #expect(try fields(text) == [["a", "b"], ["c", "d"]])
        #expect(try lines(text) == [1, 2])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        #expect(try lines("a\n\n\nb\r\rc\n") == [1, 4, 6])
    }

    @Test func quotedLineBreaksOfEveryKindAreKeptAndCounted() throws {
        let records = try CSV.parse(Data("\"x\r\ny\ry\",1\nz,2\n".utf8))
        #expect(records.map(\.fields) == [["x\r\ny\ry", "1"], ["z", "2"]])
        #expect(records.map(\.line) == [1, 4])
    }

    @Test func vietnameseIsKeptAsTyped() throws {
        let composed = "Nghị quyết"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        let records = try CSV.parse(Data("\(composed),\(decomposed),Đường\n".utf8))
        #expect(records[0].fields[0].unicodeScalars.elementsEqual(composed.unicodeScalars))
        #expect(records[0].fields[1].unicodeScalars.elementsEqual(decomposed.unicodeScalars))
        #expect(records[0].fields[2] == "Đường")
    }

    @Test func malformedFilesNameTheLine() throws {
        #expect(thrownError { _ = try CSV.parse(Data("a\n\"open,b\n".utf8)) }?.kind == .init(.invalidInput, "line 2"))
        #expect(thrownError { _ = try CSV.parse(Data("a\n\"x\"y,b\n".utf8)) }?.kind == .init(.invalidInput, "line 2"))
        #expect(thrownError { _ = try CSV.parse(Data([0x61, 0x0A, 0xE9, 0x0A])) }?.kind == .init(.invalidInput, "file"))
    }

    @Test func writtenFieldsAreQuotedOnlyWhenNeeded() throws {
        #expect(CSV.field("Hà Nội") == "Hà Nội")
        #expect(CSV.field("a, b") == "\"a, b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        let row = ["x\ny", "a,b", "plain"].map(CSV.field).joined(separator: ",") + "\n"
        #expect(try fields(row) == [["x\ny", "a,b", "plain"]])
    }
}
