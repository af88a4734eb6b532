import ArgumentParser
import DocketCore
import DocketServices
import Foundation

/// A command body whose errors become one line on stderr and a documented exit code.
protocol DocketRunnable: AsyncParsableCommand {
    func execute() async throws
}

extension DocketRunnable {
    func run() async throws {
        do {
            try await execute()
        } catch let error as DocketError {
            Output.stderr("docket: \(error.message)" + (error.field.map { " [\($0)]" } ?? ""))
            throw ExitCode(Output.exitCode(for: error.code))
        } catch let error as ExitCode {
            throw error
        } catch let error as CleanExit {
            throw error
        } catch {
            Output.stderr("docket: \(error)")
            throw ExitCode(70)
        }
    }
}
