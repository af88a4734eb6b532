import ArgumentParser
import DocketCore
import DocketServices
import Foundation

/// `--limit` and `--offset` for lists.
struct PageOptions: ParsableArguments {
    @Option(help: "How many items to show (1-1000).") var limit: Int = Page.defaultLimit
    @Option(help: "How many items to skip.") var offset: Int = 0

    func page() throws -> Page { try Page(limit: limit, offset: offset) }
}
