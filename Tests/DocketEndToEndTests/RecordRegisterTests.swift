import DocketTestSupport
import Foundation
import Testing

/// Registers from the real binary and the real server at once, checked with `sqlite3`.
@Suite struct RecordRegisterTests {
    @Test func aHundredRegistrationsFromTheServerAndCLIProcessesAtOnceTakeArrivalNumbersOneToAHundred() throws {
        let office = try SecurityRegressionTests.Office()
        let docket = office.docket
        _ = try docket.ok("register", "create", "DEN", "--kind", "incoming", as: "lan")
        let lan = try office.token("lan")
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 100) { index in
            do {
                if index.isMultiple(of: 2) {
                    let body = #"{"sender":"Tỉnh ủy Hà Giang","senderSymbol":"\#(index)-CV/TU","summary":"Công văn số \#(index)"}"#
                    let reply = try office.server.request("POST", "/api/v1/incoming", token: lan, json: body)
                    if reply.status != 201 { failures.add("HTTP \(reply.status): \(reply.text)") }
                } else {
                    let result = try docket.run(
                        ["incoming", "register", "--sender", "Tỉnh ủy Hà Giang", "--sender-symbol", "\(index)-CV/TU",
                         "--summary", "Công văn số \(index)"],
                        as: "lan")
                    if result.status != 0 { failures.add("CLI \(result.status): \(result.stderr)") }
                }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let numbers = try Command.output(
            "sqlite3", [docket.workspace.file("data/docket.sqlite"), "SELECT number FROM registerEntry ORDER BY number"])
        #expect(numbers.split(separator: "\n").compactMap { Int($0) } == Array(1...100))
        let symbols = try Command.output(
            "sqlite3", [docket.workspace.file("data/docket.sqlite"), "SELECT COUNT(DISTINCT senderSymbol) FROM registerEntry"])
        #expect(symbols == "100\n")
        let gaps = try docket.json(try docket.ok("register", "gaps", "--kind", "incoming", "--json", as: "kiem"))
        #expect(gaps["clean"] as? Bool == true, "\(gaps)")
        // The printed book as .xlsx holds the CSV's rows, read back by openpyxl.
        let csv = try docket.ok("register", "show", "--kind", "incoming", "--format", "csv", as: "kiem").stdout
        let book = try docket.workspace.write(
            try docket.ok("register", "show", "--kind", "incoming", "--format", "xlsx", as: "kiem").stdoutData, to: "so-den.xlsx")
        let read = try Command.csv(ofWorkbook: book)
        #expect(read == csv && read.split(separator: "\r\n").count == 101, "\(read.prefix(500))")
        _ = try docket.ok("audit", "verify", as: "kiem")
    }

    @Test func aRegistrationThatFailsHalfWayLeavesNoNumberUsedAndNoBlob() throws {
        let office = try SecurityRegressionTests.Office()
        let docket = office.docket
        let database = docket.workspace.file("data/docket.sqlite")
        _ = try docket.ok("register", "create", "DEN", "--kind", "incoming", as: "lan")
        _ = try docket.ok("incoming", "register", "--sender", "Ban Tổ chức", "--sender-symbol", "1-CV/BTC", "--summary", "Một", as: "lan")
        // The audit event is the last write of a registration: make the database refuse it, after
        // the number, the document and the entry are already written in the transaction.
        let trigger = try Command.run(
            "sqlite3",
            [database, """
                CREATE TRIGGER injected_failure BEFORE INSERT ON auditEvent WHEN NEW.details LIKE '%2-CV/BTC%'
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
                """])
        #expect(trigger.status == 0, "\(trigger.stderr)")
        let file = try docket.workspace.write(Data("bản gốc số 2, chỉ có ở đây".utf8), to: "cv2.txt")
        let failed = try docket.run(
            ["incoming", "register", file, "--sender", "Ban Tổ chức", "--sender-symbol", "2-CV/BTC", "--summary", "Hai"], as: "lan")
        #expect(failed.status == 70 && failed.stderr.contains("injected failure"), "\(failed.stderr)")
        let sha256 = String(try Command.output("sha256sum", [file]).prefix(64))
        #expect(!FileManager.default.fileExists(atPath: docket.workspace.file("data/blobs/\(sha256.prefix(2))/\(sha256.dropFirst(2))")))
        #expect(try Command.output("sqlite3", [database, "SELECT COUNT(*) FROM document"]) == "0\n")
        #expect(try Command.run("sqlite3", [database, "DROP TRIGGER injected_failure"]).status == 0)

        let next = try docket.json(
            try docket.ok(
                "incoming", "register", file, "--sender", "Ban Tổ chức", "--sender-symbol", "3-CV/BTC", "--summary", "Ba", "--json",
                as: "lan"))
        #expect(next["number"] as? Int == 2)
        #expect(try Command.output("sqlite3", [database, "SELECT group_concat(number) FROM registerEntry"]) == "1,2\n")
        _ = try docket.ok("store", "check", as: "kiem")
        _ = try docket.ok("audit", "verify", as: "kiem")
    }

    @Test func theSameBadInputGivesTheSameErrorFromTheCLIAndOverHTTP() throws {
        let office = try SecurityRegressionTests.Office()
        let docket = office.docket
        _ = try docket.ok("register", "create", "DEN", "--kind", "incoming", as: "lan")
        let lan = try office.token("lan")
        for (flags, json, field) in [
            (["--sender-symbol", "abc", "--summary", "x"], #""senderSymbol":"abc","summary":"x""#, "type"),
            (["--sender-symbol", "1-CV/TU", "--summary", " "], #""senderSymbol":"1-CV/TU","summary":" ""#, "summary"),
            (["--sender-symbol", "1-CV/TU", "--summary", "x", "--deadline", "2025-02-30"], #""senderSymbol":"1-CV/TU","summary":"x","deadline":"2025-02-30""#, "deadline"),
            (["--sender-symbol", "1-CV/TU", "--summary", "x", "--urgency", "asap"], #""senderSymbol":"1-CV/TU","summary":"x","urgency":"asap""#, "urgency"),
            (["--sender-symbol", "1-CV/TU", "--summary", "x", "--classification", "top-secret"], #""senderSymbol":"1-CV/TU","summary":"x","classification":"top-secret""#, "classification"),
            (["--sender-symbol", "1-CV/TU", "--summary", "x", "--register", "DI"], #""senderSymbol":"1-CV/TU","summary":"x","register":"DI""#, "register"),
        ] {
            let cli = try docket.run(["incoming", "register", "--sender", "Sở Nội vụ"] + flags, as: "lan")
            let reply = try office.server.request("POST", "/api/v1/incoming", token: lan, json: #"{"sender":"Sở Nội vụ",\#(json)}"#)
            let error = try #require(try reply.json()["error"] as? [String: Any])
            #expect(cli.stderr.hasSuffix("[\(field)]\n"), "\(flags): \(cli.stderr)")
            #expect(error["field"] as? String == field, "\(json): \(reply.text)")
            #expect(
                (cli.status == 2 && error["code"] as? String == "invalid_input")
                    || (cli.status == 3 && error["code"] as? String == "not_found"), "\(flags): \(cli.status) \(reply.text)")
        }
        #expect(try Command.output("sqlite3", [docket.workspace.file("data/docket.sqlite"), "SELECT COUNT(*) FROM registerEntry"]) == "0\n")
    }
}
