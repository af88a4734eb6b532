import DocketTestSupport
import Foundation
import Testing

/// An office adopting Docket mid-term, through the real binary as the README shows it: a register
/// continued from paper, a paper register imported, a past session entered with its real times and
/// its notice's paper number, delivering nothing; checked with sqlite3.
@Suite struct MidTermTourTests {
    @Test func anOfficeTakesUpWhereItsPaperLeftOff() throws {
        let docket = try DocketBinary(user: "lan")
        #expect(try docket.run("init", "--org", "Văn phòng Tỉnh ủy").status == 0)
        _ = try docket.ok("user", "add", "lan", "--roles", "clerk", as: "admin")
        _ = try docket.ok("user", "add", "hung", "--roles", "chair", as: "admin")
        _ = try docket.ok("user", "add", "mai", "--roles", "delegate", "--agency", "VPTU", as: "admin")
        _ = try docket.ok("user", "add", "kiem", "--roles", "auditor", as: "admin")
        _ = try docket.ok("agency", "create", "--code", "VPTU", "--name", "Văn phòng Tỉnh ủy")
        _ = try docket.ok("body", "create", "--name", "Ban Chỉ đạo Chuyển đổi số", "--code", "BCĐCĐS", "--term", "2020-2025")
        _ = try docket.ok("register", "start", "--register", "BCĐCĐS", "--type", "TB", "--next", "6", "--reason", "01–05 ban hành trên giấy")

        // A session held in March 2025, before Docket.
        let created = try docket.json(try docket.ok(
            "session", "create", "--body", "BCĐCĐS", "--title", "Phiên họp thứ nhất", "--starts-at", "10/03/2025 08:00",
            "--back-entered", "--json"))
        let id = try #require(created["id"] as? String)
        #expect(created["backEntered"] as? Bool == true && created["startsAt"] as? String == "2025-03-10T01:00:00.000Z")
        _ = try docket.ok("session", "invite", id, "hung", "--role", "chair")
        _ = try docket.ok("session", "invite", id, "mai")
        _ = try docket.ok("session", "item", "add", id, "--title", "Khai mạc")
        _ = try docket.ok("session", "advance", id, "scheduled")
        _ = try docket.ok("session", "advance", id, "open")
        let selfCheckIn = try docket.run("session", "check-in", id, as: "mai")
        #expect(selfCheckIn.status != 0 && selfCheckIn.stderr.contains("held before Docket"), "\(selfCheckIn.stderr)")
        _ = try docket.ok("session", "attend", id, "mai", "--status", "present", "--at", "10/03/2025 08:20")
        _ = try docket.ok("session", "attend", id, "hung", "--status", "present")
        let attendance = try docket.ok("session", "attendance", id).stdout
        #expect(attendance.contains("2025-03-10T01:00:00.000Z") && attendance.contains("2025-03-10T01:20:00.000Z"), "\(attendance)")
        _ = try docket.ok(
            "session", "conclude", id, "--text", "Giao Văn phòng xây dựng kế hoạch", "--item", "1",
            "--task", "Xây dựng kế hoạch chuyển đổi số|VPTU||30/06/2025")
        _ = try docket.ok("session", "advance", id, "closed")
        let refused = try docket.run(
            "notice", "issue", "--session", id, "--kind", "conclusion", "--back-entered", "--number", "3", "--date", "15/03/2027")
        #expect(refused.status == 2 && refused.stderr.contains("[date]"), "\(refused.stderr)")
        let notice = try docket.ok(
            "notice", "issue", "--session", id, "--kind", "conclusion", "--back-entered", "--number", "3", "--date", "15/03/2025")
        #expect(notice.stdout.contains("Entered back-entered 03-TB/BCĐCĐS"), "\(notice.stdout)")
        #expect(try docket.ok("notice", "inbox", as: "mai").stdout.contains("0 of 0 notices"))

        // The incoming book as Excel saves it under Vietnamese settings.
        _ = try docket.ok("register", "create", "DEN", "--kind", "incoming")
        _ = try docket.ok("register", "start", "--register", "DEN", "--type", "CV", "--year", "2025", "--next", "311", "--reason", "1–310 trên sổ giấy")
        let book = try docket.workspace.write(Data("""
            Ngày đến;Số đến;Tác giả;Số, ký hiệu;Ngày tháng;Trích yếu
            29/12/2025;311;Sở Nội vụ;45-CV/SNV;26/12/2025;Về nhân sự
            30/12/2025;312;Tỉnh ủy Hà Giang;12-CV/TU;28/12/2025;Về chuyển đổi số

            """.utf8), to: "so-den-2025.csv")
        #expect(try docket.ok("register", "import", book, "--register", "DEN").stdout.contains("2 entries imported"))
        let sheet = try docket.ok("register", "show", "--kind", "incoming", "--year", "2025", "--format", "csv", as: "kiem").stdout
        #expect(sheet.contains("30/12/2025,312,Tỉnh ủy Hà Giang,12-CV/TU,28/12/2025") && sheet.contains("Vào sổ sau từ sổ giấy"), "\(sheet)")
        let again = try docket.run("register", "import", book, "--register", "DEN")
        #expect(again.status != 0 && again.stderr.contains("line 2, Số đến"), "\(again.stderr)")

        // What the database holds, read by sqlite3: nothing delivered, the real dates kept.
        let database = docket.workspace.file("data/docket.sqlite")
        let rows = try Command.run(
            "sqlite3",
            [database, """
                SELECT (SELECT COUNT(*) FROM noticeRecipient), (SELECT COUNT(*) FROM notice),
                       (SELECT backEntered FROM session), (SELECT group_concat(symbol || ' ' || year || ' ' || backEntered, '; ') FROM registerEntry)
                """])
        #expect(rows.status == 0, "\(rows.stderr)")
        #expect(rows.stdout == "0|1|1|03-TB/BCĐCĐS 2025 1; 311 2025 1; 312 2025 1\n", "\(rows.stdout)")
        let tasks = try Command.run("sqlite3", [database, "SELECT assignedOn, deadline FROM task"])
        #expect(tasks.status == 0 && tasks.stdout == "2025-03-15|2025-06-30\n", "\(tasks.stdout) \(tasks.stderr)")
        #expect(try docket.ok("audit", "verify", as: "kiem").stdout.contains("intact"))
    }
}
