import DocketPack
import DocketTestSupport
import Foundation
import Testing

/// Archives past the classic ZIP limits (65,535 members, 4 GiB), checked by Info-ZIP's `unzip`,
/// Python's `zipfile` and Docket's own strict reader.
@Suite struct Zip64Tests {
    @Test func seventyThousandMembersGetTheZip64EndRecords() async throws {
        let directory = try TemporaryDirectory()
        let archive = directory.file("many.zip")
        let names = (0..<70_000).map { "documents/\($0).txt" }
        try await Self.write(archive) { zip in
            for name in names { try await zip.add(name, data: Data(name.utf8)) }
        }
        let size = try #require(FileManager.default.attributesOfItem(atPath: archive)[.size] as? Int)
        #expect(Int64(size) == ZipWriter.archiveSize(of: names.map { ($0, Int64($0.utf8.count)) }))

        let tested = try Command.run("unzip", ["-tq", archive])
        #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
        let python = try Command.run(
            "python3", ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(len(z.infolist()), z.testzip())", archive])
        #expect(python.stdout == "70000 None\n", "\(python.stderr)")

        let reader = try ZipReader(path: archive)
        #expect(reader.layoutProblems.isEmpty, "\(reader.layoutProblems)")
        #expect(reader.entries.map(\.name) == names)
        let last = try #require(reader.entries.last)
        #expect(try reader.data(last) == Data("documents/69999.txt".utf8))
    }

    @Test func aMemberOver4GiBAndTheOneAfterItAreReadBackAndTamperingIsNamed() async throws {
        let directory = try TemporaryDirectory()
        // A sparse file: 4 GiB and 1 MiB of zeros without using the disk.
        let big = directory.file("big.bin")
        let bigSize: Int64 = (4 << 30) + (1 << 20)
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
        try handle.truncate(atOffset: UInt64(bigSize))
        try handle.close()

        let archive = directory.file("large.zip")
        try await Self.write(archive) { zip in
            try await zip.add("before.txt", data: Data("before".utf8))
            try await zip.add("big.bin", fileAt: big, size: bigSize)
            try await zip.add("after.txt", data: Data("after".utf8))
        }
        let size = try #require(FileManager.default.attributesOfItem(atPath: archive)[.size] as? Int)
        #expect(Int64(size) == ZipWriter.archiveSize(of: [("before.txt", 6), ("big.bin", bigSize), ("after.txt", 5)]))

        let tested = try Command.run("unzip", ["-tq", archive])
        #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
        let listed = try Command.run("python3", ["-c", """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            print([(i.filename, i.file_size) for i in z.infolist()], z.read('after.txt'))
            """, archive])
        #expect(listed.stdout == "[('before.txt', 6), ('big.bin', \(bigSize)), ('after.txt', 5)] b'after'\n", "\(listed.stderr)")

        let reader = try ZipReader(path: archive)
        #expect(reader.layoutProblems.isEmpty, "\(reader.layoutProblems)")
        #expect(reader.entries.map(\.size) == [6, bigSize, 5])
        #expect(try reader.data(reader.entries[2]) == Data("after".utf8))

        // The last entry's offset lives in the ZIP64 extra field of its central record, the
        // directory's position in the ZIP64 end record: a flipped bit in either is named.
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: archive))
        let tail = UInt64(size) - 400
        try file.seek(toOffset: tail)
        let original = try #require(try file.readToEnd())
        for (label, position) in [
            ("offset in the ZIP64 extra field", try #require(original.range(of: Data("after.txt".utf8), options: .backwards)).upperBound + 4),
            ("ZIP64 end record", original.count - 22 - 20 - 56 + 48),
        ] {
            var bytes = original
            bytes[bytes.startIndex + position] ^= 0x01
            try file.seek(toOffset: tail)
            try file.write(contentsOf: bytes)
            let problems: [String]
            do { problems = try ZipReader(path: archive).layoutProblems } catch { problems = ["\(error)"] }
            #expect(problems.contains { $0.contains("ZIP") }, "a flipped bit in the \(label) went unnoticed: \(problems)")
        }
        try file.close()
    }

    static func write(_ path: String, _ body: (ZipWriter) async throws -> Void) async throws {
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let zip = ZipWriter(modified: Date(), timeZone: .gmt) { bytes in try handle.write(contentsOf: Data(bytes)) }
        try await body(zip)
        try await zip.finish()
    }
}
