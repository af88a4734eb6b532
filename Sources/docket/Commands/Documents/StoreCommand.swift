import ArgumentParser
import DocketServices

struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Check the document store.", subcommands: [Check.self])

    struct Check: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Rehash every blob; report missing or corrupt ones by document, and abandoned uploads.",
            discussion: "Blobs are never changed. --repair (admins) removes the temporary files of uploads whose writer died.")
        @Flag(help: "Remove abandoned uploads (admin).") var repair = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let result = try await docket.store.check(repair: repair, as: actor)
            if output.json {
                try Output.json(result)
            } else {
                print("Checked \(result.documentsChecked) documents, \(result.blobsChecked) blobs, \(result.bytesChecked) bytes")
                for problem in result.problems {
                    print("\(problem.kind.rawValue.uppercased())  \(problem.documentID)  \(problem.detail)")
                }
                for orphan in result.orphanBlobs { print("ORPHAN   \(orphan)  (no document refers to it)") }
                if !result.abandonedUploads.isEmpty {
                    print("\(result.abandonedUploads.count) abandoned uploads" + (result.repaired ? " removed" : "; --repair removes them"))
                }
                print(result.isHealthy ? "All blobs intact" : "\(result.problems.count) problems found")
            }
            if !result.isHealthy { throw ExitCode(1) }
        }
    }
}
