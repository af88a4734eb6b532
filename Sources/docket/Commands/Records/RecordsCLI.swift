import ArgumentParser
import DocketCore
import DocketServices
import Foundation

/// `docket incoming show` and `docket outgoing show`: an entry and its processing history.
struct ShowEntry: DocketRunnable {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "An entry and its processing history.")
    @Argument(help: "Entry id.") var id: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func execute() async throws {
        let (docket, actor) = try await store.openActing()
        try RecordsCLI.print(try await docket.records.entry(id, as: actor), json: output.json)
    }
}

/// What the record commands share: the original of a registration, and printing an entry.
enum RecordsCLI {
    /// FILE or `--document ID`, not both; neither registers the entry without an original.
    static func original(file: String?, document: String?, title: String?) throws -> RecordService.Original? {
        switch (file, document) {
        case (.some, .some):
            throw DocketError.invalid("document", "give the FILE or --document, not both")
        case (.some(let path), nil):
            return try .file(at: path, title: title)
        case (nil, .some(let id)):
            return .stored(id: id)
        case (nil, nil):
            return nil
        }
    }

    static func print(_ detail: RegisterEntryDetail, json: Bool) throws {
        if json { return try Output.json(detail) }
        let entry = detail.entry
        Swift.print("\(entry.kind == .incoming ? "Incoming number \(entry.number)/\(entry.year)" : entry.symbol)  \(entry.summary)")
        if let sender = entry.sender { Swift.print("from \(sender) \(entry.senderSymbol ?? "")") }
        if let state = entry.state {
            Swift.print("state \(state.rawValue)" + (entry.deadline.map { ", deadline \($0)" } ?? ""))
        }
        Output.table(
            ["#", "STEP", "AT", "BY", "HANDLER", "DEADLINE", "TEXT"],
            detail.steps.map {
                [String($0.sequence), $0.kind.rawValue, Timestamp.string($0.at), $0.actorID, $0.handlerID ?? "",
                 $0.deadline?.description ?? "", $0.text ?? $0.answerID ?? ""]
            })
    }
}
