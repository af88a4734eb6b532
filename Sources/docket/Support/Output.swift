import ArgumentParser
import DocketCore
import DocketServices
import Foundation

/// Printing results and turning errors into one line on stderr and an exit code.
enum Output {
    static func json(_ value: some Encodable) throws {
        print(String(decoding: try DocketJSON.pretty.encode(value), as: UTF8.self))
    }

    /// Writes `value` as JSON to a new file at `path`.
    static func write(_ value: some Encodable, to path: String, field: String) throws {
        do { try DocketJSON.pretty.encode(value).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting) } catch {
            throw DocketError.invalid(field, "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Writes a rendered file to stdout; a binary one (an .xlsx) only when stdout is not a terminal.
    static func file(_ data: Data, binary: Bool) throws {
        if binary && isatty(STDOUT_FILENO) == 1 {
            throw DocketError.invalid("format", "an .xlsx file would garble the terminal; redirect it, e.g. > report.xlsx")
        }
        FileHandle.standardOutput.write(data)
    }

    /// Prints rows as aligned columns under a header.
    static func table(_ header: [String], _ rows: [[String]]) {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        for row in [header] + rows {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            print(cells.joined(separator: "  "))
        }
    }

    /// Writes a line at once, even when stdout is a pipe: a server's first lines must reach its log.
    static func unbuffered(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func stderr(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The documented exit code for each error code.
    static func exitCode(for code: DocketError.Code) -> Int32 {
        switch code {
        case .verificationFailed: 1
        case .invalidInput: 2
        case .notFound: 3
        case .unauthenticated: 4
        case .forbidden: 5
        case .conflict: 6
        case .tooLarge: 7
        case .keyUnavailable: 8
        case .tooManyRequests: 9
        case .internalError: 70
        }
    }
}
