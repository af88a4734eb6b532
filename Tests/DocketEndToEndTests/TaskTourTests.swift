import DocketTestSupport
import Foundation
import Testing

/// A clerk imports a plan's tasks from a spreadsheet, records what happened, and reports on
/// timeliness; the same report comes back from `docket serve` over HTTP, fetched with curl.
@Suite struct TaskTourTests {
    static let csv = """
        code,title,group,phase,lead,coordinating,deadline,key,source,assigned
        1.1,"Ban hành quy chế số hoá, lưu trữ",1,GĐ1,VPTU,BTC,2025-03-31,x,57-NQ/TW,2025-01-02
        1.2,Số hoá hồ sơ lưu trữ,1,GĐ1,VPTU,,2025-03-31,,57-NQ/TW,2025-01-02
        2.1,Đào tạo kỹ năng số,2,GĐ2,BTC,VPTU;STTTT,2025-04-30,,57-NQ/TW,2025-01-02
        2.2,Nâng cấp hạ tầng,2,GĐ2,STTTT,,2025-05-15,có,57-NQ/TW,2025-01-02

        """

    @Test func importRecordReportAndTheSameReportOverHTTP() throws {
        let docket = try DocketBinary(user: "lan")
        #expect(try docket.run("init", "--org", "Văn phòng Tỉnh ủy").status == 0)
        _ = try docket.ok("user", "add", "lan", "--roles", "clerk", as: "admin")
        _ = try docket.ok("user", "add", "minh", "--roles", "delegate", "--agency", "STTTT", as: "admin")
        _ = try docket.ok("user", "add", "kiem", "--roles", "auditor", as: "admin")
        for (code, name) in [("VPTU", "Văn phòng Tỉnh ủy"), ("BTC", "Ban Tổ chức"), ("STTTT", "Sở Thông tin và Truyền thông")] {
            _ = try docket.ok("agency", "create", "--code", code, "--name", name)
        }
        _ = try docket.ok(
            "plan", "create", "--symbol", "05-KH/TU", "--title", "Kế hoạch thực hiện Nghị quyết 57", "--implements", "57-NQ/TW",
            "--groups", "1=Hoàn thiện thể chế", "--groups", "2=Hạ tầng và nhân lực", "--phases", "GĐ1=2025-01-01..2025-06-30",
            "--phases", "GĐ2=2025-07-01..2025-12-31")

        // A bad row: nothing is imported, and the row is named.
        let bad = try docket.workspace.write(Data(Self.csv.replacingOccurrences(of: "2025-05-15", with: "31/04/2025").utf8), to: "bad.csv")
        let refused = try docket.run("task", "import", bad, "--plan", "05-KH/TU", as: "lan")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("line 5, deadline: '31/04/2025' is not a date"), "\(refused.stderr)")
        #expect(try docket.ok("task", "list", "--plan", "05-KH/TU").stdout.contains("0 of 0 tasks"))

        let good = try docket.workspace.write(Data(Self.csv.utf8), to: "tasks.csv")
        #expect(try docket.ok("task", "import", good, "--plan", "05-KH/TU").stdout.contains("4 created, 0 updated, 0 unchanged"))
        #expect(try docket.ok("task", "import", good, "--plan", "05-KH/TU").stdout.contains("0 created, 0 updated, 4 unchanged"))

        _ = try docket.ok("task", "progress", "1.1", "--plan", "05-KH/TU", "--percent", "60", "--text", "Đã trình dự thảo", "--on", "2025-02-10")
        _ = try docket.ok("task", "complete", "1.1", "--plan", "05-KH/TU", "--on", "2025-03-20")
        #expect(try docket.ok("task", "complete", "1.2", "--plan", "05-KH/TU", "--on", "2025-04-15").stdout.contains("after its deadline 2025-03-31"))
        _ = try docket.ok(
            "task", "extend", "2.1", "--plan", "05-KH/TU", "--to", "2025-06-30", "--reason", "Chờ hướng dẫn", "--approved-by",
            "Đồng chí Bí thư", "--on", "2025-04-25")
        // The delegate of the lead agency reports on their own task, and cannot see another's.
        _ = try docket.ok("task", "progress", "2.2", "--plan", "05-KH/TU", "--percent", "30", "--text", "Đã khảo sát", "--on", "2025-03-01", as: "minh")
        let hidden = try docket.run("task", "show", "1.2", "--plan", "05-KH/TU", as: "minh")
        #expect(hidden.status == 3, "\(hidden.stderr)")
        let show = try docket.ok("task", "show", "2.1", "--plan", "05-KH/TU")
        #expect(show.stdout.contains("deadline 2025-06-30 (originally 2025-04-30)"))
        #expect(show.stdout.contains("approved by Đồng chí Bí thư"))
        let april = try docket.ok("task", "show", "2.1", "--plan", "05-KH/TU", "--as-of", "01/04/2025")
        #expect(april.stdout.contains("on 2025-04-01: assigned, 0%, deadline 2025-04-30") && !april.stdout.contains("Chờ hướng dẫn"), "\(april.stdout)")
        let withoutPlan = try docket.run("task", "complete", "2.1")
        #expect(withoutPlan.status == 3 && withoutPlan.stderr.contains("name the plan with --plan 05-KH/TU") && withoutPlan.stderr.contains("[plan]"), "\(withoutPlan.stderr)")

        let table = try docket.ok("task", "report", "--plan", "05-KH/TU", "--as-of", "2025-05-20", as: "kiem").stdout
        #expect(table.contains("Tasks as of 2025-05-20, plan 05-KH/TU, by agency"))
        let overdue = try docket.ok("task", "overdue", "--as-of", "2025-05-20", as: "kiem").stdout
        #expect(overdue.contains("2.2") && overdue.contains("1 of 1 tasks overdue as of 2025-05-20"), "\(overdue)")
        let scorecard = try docket.ok("task", "scorecard", "--as-of", "2025-05-20", as: "kiem").stdout
        #expect(scorecard.contains("VPTU") && scorecard.contains("50.0"))

        // The same queries over HTTP from the server, with curl.
        let token = try docket.ok("token", "create", "kiem", as: "admin").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let port = try freeLoopbackPort()  // a random one could be another test's server
        let server = Process()
        server.executableURL = URL(fileURLWithPath: DocketBinary.path)
        server.arguments = ["serve", "--port", String(port)]
        server.environment = docket.environment
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        func curl(_ path: String) throws -> CommandResult {
            try Command.run("curl", ["-sS", "--fail-with-body", "-H", "Authorization: Bearer \(token)", "http://127.0.0.1:\(port)\(path)"])
        }
        var ready = false
        for _ in 0..<100 where !ready {
            ready = (try? Command.run("curl", ["-sf", "http://127.0.0.1:\(port)/healthz"]).status) == 0
            if !ready { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(ready, "the server did not answer")
        for asOf in ["2025-03-01", "2025-04-14", "2025-05-20"] {
            for by in ["agency", "group", "phase", "due-month"] {
                for (format, flag) in [("json", "json"), ("csv", "csv"), ("md", "md")] {
                    let cli = try docket.ok(
                        "task", "report", "--plan", "05-KH/TU", "--as-of", asOf, "--by", by, "--format", flag, as: "kiem")
                    let http = try curl("/api/v1/reports/tasks?plan=05-KH%2FTU&asOf=\(asOf)&by=\(by)&format=\(format)")
                    #expect(http.status == 0, "\(http.stdout)")
                    if format == "json" {
                        // The CLI prints indented JSON, HTTP compact: compare the values.
                        let a = try JSONSerialization.jsonObject(with: cli.stdoutData) as? NSDictionary
                        let b = try JSONSerialization.jsonObject(with: http.stdoutData) as? NSDictionary
                        #expect(a != nil && a == b, "\(asOf) by \(by)")
                    } else {
                        #expect(cli.stdout == http.stdout, "\(asOf) by \(by) as \(format)")
                    }
                }
            }
        }
        // The .xlsx download holds what the CSV does, read back by openpyxl, from the CLI and over HTTP.
        let csv = try docket.ok("task", "report", "--plan", "05-KH/TU", "--as-of", "2025-05-20", "--format", "csv", as: "kiem").stdout
        let cliBook = try docket.workspace.write(
            try docket.ok("task", "report", "--plan", "05-KH/TU", "--as-of", "2025-05-20", "--format", "xlsx", as: "kiem").stdoutData,
            to: "report-cli.xlsx")
        let httpBook = try docket.workspace.write(
            try curl("/api/v1/reports/tasks?plan=05-KH%2FTU&asOf=2025-05-20&format=xlsx").stdoutData, to: "report-http.xlsx")
        for book in [cliBook, httpBook] {
            #expect(try Command.run("unzip", ["-tq", book]).status == 0)
            let read = try Command.csv(ofWorkbook: book)
            #expect(read == csv, "\(book):\n\(read)\nvs\n\(csv)")
        }
        let httpOverdue = try curl("/api/v1/reports/tasks/overdue?asOf=2025-05-20")
        #expect(httpOverdue.stdout.contains(#""daysOverdue":5"#), "\(httpOverdue.stdout)")
    }
}
