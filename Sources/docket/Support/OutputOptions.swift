import ArgumentParser
import DocketCore
import DocketServices
import Foundation

/// `--json` for commands that print data.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}
