import ArgumentParser
import DocketCore
import DocketServices
import Foundation

extension RegisterKind: ExpressibleByArgument {}
extension SheetFormat: ExpressibleByArgument {}

struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Registers of incoming and outgoing documents: open them, list them, print a year, prove no number is missing.",
        subcommands: [Create.self, Start.self, Import.self, List.self, Entries.self, Show.self, Gaps.self])

    /// `--register CODE` or `--kind K`: which register a command reads.
    struct Choice: ParsableArguments {
        @Option(help: "The register's code.") var register: String?
        @Option(help: "incoming or outgoing: the one register of that kind.") var kind: RegisterKind?
    }

    struct Create: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Open a register and say how it numbers (admin, clerk).",
            discussion: """
                --numbering sets the defaults: party numbers outgoing documents per type per term, secret ones in \
                the same series (Hướng dẫn 36-HD/VPTW); state per calendar year, all types in one series, secret ones \
                apart (Decree 30/2020). An incoming register numbers by arrival, one series a year. Each default may be \
                overridden, since the rules are revised.
                """)
        @Argument(help: "A short code, e.g. DEN or DI-TU.") var code: String
        @Option(help: "incoming or outgoing.") var kind: String
        @Option(help: "The issuer in outgoing symbols NN-TYPE/ISSUER (default: the code).") var issuer: String?
        @Option(help: "party or state (default state).") var numbering: String?
        @Option(help: "year or term: when a series starts again at 1.") var period: String?
        @Option(help: "The current term, for a register numbered per term (e.g. XIII).") var term: String?
        @Option(help: "true: each document type has its own series.") var seriesPerType: Bool?
        @Option(help: "true: confidential and above are numbered in a series of their own.") var secretSeries: Bool?
        @Option(help: "The register's name (default: Sổ đăng ký văn bản đến/đi — CODE).") var name: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let new = try NewRegister(
                code: code, name: name, kind: kind, issuer: issuer, numbering: numbering, period: period, term: term,
                seriesPerType: seriesPerType, secretSeries: secretSeries)
            let (docket, actor) = try await store.openActing()
            let register = try await docket.records.createRegister(new, as: actor)
            if output.json { return try Output.json(register) }
            print("Opened \(register.kind.rawValue) register \(register.code) (\(register.id)): \(register.name)")
        }
    }

    struct Start: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Continue a series from numbers taken on paper: its first Docket number (admin, clerk).",
            discussion: """
                Once per series, before Docket takes a number in it. --register is a register's code, or a body's code \
                for the register its notices are numbered in. E.g. a body that issued notices 01 to 05 on paper: \
                docket register start --register BCĐCĐS --type TB --next 6 --reason "01–05 ban hành trên giấy"
                """)
        @Option(help: "The register's code, or a body's code.") var register: String
        @Option(help: "The document type whose series it is, e.g. TB.") var type: String
        @Option(help: "For a register with a secret series: the classification (default internal).") var classification: String?
        @Option(help: "The series' year, for a register numbered per year (default this year).") var year: Int?
        @Option(help: "The first number Docket takes.") var next: Int
        @Option(help: "Why the numbers before it are not in Docket.") var reason: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let classification = try Classification.parse(optional: classification, field: "classification") ?? .internal
            let (docket, actor) = try await store.openActing()
            let start = try await docket.records.startSeries(
                register: register, type: type, classification: classification, year: year, next: next, reason: reason, as: actor)
            if output.json { return try Output.json(start) }
            print("Series \(start.series) of \(register) continues at \(start.nextNumber): \(start.reason)")
        }
    }

    struct Import: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Import a register kept before Docket, with its own numbers and dates (admin, clerk).",
            discussion: """
                A CSV file (`,` `;` or tab; UTF-8 or UTF-16) or an .xlsx workbook (its first sheet), one line per entry, \
                headers in English or as the paper book has them. Incoming: Số đến, Ngày đến, Tác giả, Số ký hiệu, \
                Trích yếu required; Ngày tháng, Tên loại, Hạn xử lý, Số trang, Độ mật, Độ khẩn, Ghi chú optional. \
                Outgoing: Số, ký hiệu (03-TB/ISSUER) or Số with Tên loại, Ngày tháng, Trích yếu required; Người ký, \
                Nơi nhận (separated by ;), Đơn vị lưu, Số lượng bản, Số trang, Độ mật, Độ khẩn, Ghi chú optional. \
                Numbers continue each series without a gap or a repeat; if any line is wrong nothing is imported. \
                Entries come in marked back-entered; incoming ones as processed on paper.
                """)
        @Argument(help: "The CSV or .xlsx file.") var file: String
        @Option(help: "The register's code.") var register: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let data = try InputFile.read(file, field: "file")
            let (docket, actor) = try await store.openActing()
            let result = try await docket.records.importRegister(file: data, register: register, as: actor)
            if output.json { return try Output.json(result) }
            print("\(result.register): \(result.imported) entries imported")
            for series in result.series { print("  series \(series.series): \(series.first) to \(series.last) (\(series.count))") }
            if result.likelyDuplicates > 0 { print("  \(result.likelyDuplicates) flagged as likely duplicates") }
        }
    }

    struct List: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "List the registers; with --body, the numbers a body's notices took, in order.")
        @Option(help: "A body's code or id: list its notices instead.") var body: String?
        @Option(help: "With --body: only this calendar year.") var year: Int?
        @OptionGroup var paging: PageOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            guard let body else {
                let registers = try await docket.records.registers(page: paging.page(), as: actor)
                if output.json { return try Output.json(registers) }
                Output.table(
                    ["CODE", "KIND", "ISSUER", "PERIOD", "PER TYPE", "SECRET APART", "NAME"],
                    registers.items.map {
                        [$0.code, $0.kind.rawValue, $0.issuer, $0.period == .term ? "term \($0.term ?? "")" : "year",
                         $0.seriesPerType ? "yes" : "no", $0.secretSeries ? "yes" : "no", $0.name]
                    })
                return
            }
            let register = try await docket.notices.register(body: body, year: year, page: paging.page(), as: actor)
            if output.json { return try Output.json(register) }
            Output.table(
                ["SYMBOL", "PERIOD", "ISSUED", "KIND", "TITLE"],
                register.items.map {
                    [$0.symbol, $0.period, Timestamp.string($0.issuedAt), $0.kind.rawValue + ($0.backEntered ? " (back-entered)" : ""), $0.title]
                })
            print("\(register.items.count) of \(register.total) numbers")
        }
    }

    struct Entries: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "A register's entries in number order (all for readers of all records, else those you handle).")
        @OptionGroup var choice: Choice
        @Option(help: "Only this calendar year.") var year: Int?
        @OptionGroup var paging: PageOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let entries = try await docket.records.entries(
                register: choice.register, kind: choice.kind, year: year, page: paging.page(), as: actor)
            if output.json { return try Output.json(entries) }
            Output.table(
                ["ID", "NUMBER", "REGISTERED", "FROM/SIGNER", "STATE", "SUMMARY"],
                entries.items.map {
                    [$0.id, $0.symbol, Timestamp.string($0.registeredAt), $0.sender ?? $0.signer ?? "",
                     $0.withdrawnAt != nil ? "withdrawn" : $0.state?.rawValue ?? "issued", $0.summary]
                })
            print("\(entries.items.count) of \(entries.total) entries")
        }
    }

    struct Show: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Print a register's year as the paper book: columns in the book's order, dd/mm/yyyy.")
        @OptionGroup var choice: Choice
        @Option(help: "The calendar year (default: this year).") var year: Int?
        @Option(help: "csv, md, html, json or xlsx (redirect it to a file; default md).") var format: SheetFormat = .md
        @OptionGroup var store: StoreOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let sheet = try await docket.records.sheet(
                register: choice.register, kind: choice.kind, year: year, as: actor)
            try Output.file(try await sheet.file(format), binary: format == .xlsx)
        }
    }

    struct Gaps: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Prove that no number of a register's year is missing or repeated; exit 1 when one is.")
        @OptionGroup var choice: Choice
        @Option(help: "The calendar year (default: this year).") var year: Int?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let report = try await docket.records.gaps(
                register: choice.register, kind: choice.kind, year: year, as: actor)
            if output.json {
                try Output.json(report)
            } else {
                Output.table(
                    ["SERIES", "FIRST", "NUMBERS", "LAST", "MISSING", "REPEATED"],
                    report.series.map {
                        [$0.series, String($0.first), String($0.count), String($0.last), $0.missing.map(String.init).joined(separator: ","),
                         $0.repeated.map(String.init).joined(separator: ",")]
                    })
                print(report.clean ? "No number is missing or repeated." : "Numbers are missing or repeated.")
            }
            if !report.clean { throw ExitCode(1) }
        }
    }
}
