import ArgumentParser

/// Entering what was numbered on paper before Docket: its number, and its own date (the
/// command's date option).
struct BackEntryOptions: ParsableArguments {
    @Flag(help: "It was numbered on paper before Docket: keep its number and date, deliver nothing.")
    var backEntered = false
    @Option(help: "With --back-entered: the number it was given (default: the next of the series its date falls in).")
    var number: Int?
}
