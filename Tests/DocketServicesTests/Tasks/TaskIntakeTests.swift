import DocketCore
import DocketServices
import DocketTestSupport
import Foundation
import Testing

/// How tasks come in: CSV imports, conclusion notices; and how reminders go out.
@Suite struct TaskIntakeTests {
    static let header = "code,title,description,group,phase,lead,coordinating,assignee,deadline,key,source,assigned\n"

    func store(_ backend: Backend = .sqlite) async throws -> TestStore {
        let store = try await TestStore(backend)
        for (code, name) in [("VPTU", "Văn phòng Tỉnh ủy"), ("BTC", "Ban Tổ chức"), ("STTTT", "Sở TT&TT")] {
            _ = try await store.docket.agencies.create(code: code, name: name, as: store.clerk)
        }
        _ = try await store.docket.tasks.createPlan(
            NewPlan(
                symbol: "05-KH/TU", title: "Kế hoạch 57", groups: [PlanGroup(number: 1, title: "Thể chế")],
                phases: [PlanPhase(code: "GĐ1", starts: date("2025-01-01"), ends: date("2025-06-30"))]),
            as: store.clerk)
        return store
    }

    func auditCount(_ store: TestStore) async throws -> Int {
        try await store.docket.auditLog.list(AuditFilter(), page: .first, as: store.admin).total
    }

    @Test(arguments: Backend.all) func anImportWithOneBadRowImportsNothingAndNamesTheRow(_ backend: Backend) async throws {
        let store = try await store(backend)
        let csv = "\u{FEFF}" + Self.header + #"""
            1.1,"Xây dựng quy chế, quy định",Dự thảo và trình ban hành,1,GĐ1,VPTU,BTC;STTTT,clerk,2025-06-30,x,57-NQ/TW,2025-01-02
            1.2,Số hoá hồ sơ,"Hồ sơ ""mật"" giữ riêng",1,GĐ1,BTC,,,2025-09-30,,57-NQ/TW,2025-01-02
            1.3,Đào tạo,,1,GĐ1,VPTU,,,2025-31-12,,,2025-01-02
            1.4,Hạ tầng,,1,,STTTT,,,2025-12-31,maybe,,2025-01-02
            1.5,Cơ sở dữ liệu,,9,,STTTT,,,2025-12-31,,,2025-01-02
            1.6,Nền tảng số,,1,,NOPE,,,2025-12-31,,,2025-01-02

            """#
        let before = try await auditCount(store)
        await #expect {
            _ = try await store.docket.tasks.importTasks(file: Data(csv.utf8), plan: "05-KH/TU", as: store.clerk)
        } throws: { error in
            guard let error = error as? DocketError else { return false }
            return error.code == .invalidInput && error.field == "line 4, deadline"
                && error.message.hasPrefix("4 of 6 rows are wrong and nothing was imported: line 4, deadline: '2025-31-12' is not a date")
                && error.message.contains("line 5, key: 'maybe' is not yes or no")
                && error.message.contains("line 6, group: plan 05-KH/TU has no group 9")
                && error.message.contains("line 7, lead: no agency with the code or name NOPE")
        }
        let listed = try await store.docket.tasks.tasks(TaskFilter(), plan: "05-KH/TU", page: .first, as: store.clerk)
        #expect(listed.total == 0)
        #expect(try await auditCount(store) == before)
    }

    @Test(arguments: Backend.all) func aReimportIsIdempotentAndSaysWhatItUpdated(_ backend: Backend) async throws {
        let store = try await store(backend)
        let rows = #"""
            1.1,"Xây dựng quy chế, quy định",Dự thảo,1,GĐ1,VPTU,BTC;STTTT,clerk,2025-06-30,x,57-NQ/TW,2025-01-02
            1.2,Số hoá hồ sơ,"Hồ sơ ""mật""",1,GĐ1,BTC,,,2025-09-30,,57-NQ/TW,2025-01-02

            """#
        let tasks = store.docket.tasks
        let first = try await tasks.importTasks(file: Data((Self.header + rows).utf8), plan: "05-KH/TU", as: store.clerk)
        #expect(first.created == ["1.1", "1.2"] && first.updated.isEmpty && first.unchanged == 0)
        let again = try await tasks.importTasks(file: Data((Self.header + rows).utf8), plan: "05-KH/TU", as: store.clerk)
        #expect(again.created.isEmpty && again.updated.isEmpty && again.unchanged == 2)
        let edited = rows.replacingOccurrences(of: "Số hoá hồ sơ,", with: "Số hoá toàn bộ hồ sơ,").replacingOccurrences(of: ",BTC,,,2025-09-30,,", with: ",BTC,VPTU,,2025-09-30,có,")
        let third = try await tasks.importTasks(file: Data((Self.header + edited).utf8), plan: "05-KH/TU", as: store.clerk)
        #expect(third.updated == [TaskImportResult.Update(code: "1.2", fields: ["title", "coordinating", "key"])])
        #expect(third.unchanged == 1)
        let listed = try await tasks.tasks(TaskFilter(), plan: "05-KH/TU", page: .first, as: store.clerk).items
        #expect(listed.count == 2)
        let task = try #require(listed.first { $0.code == "1.1" })
        #expect(task.title == "Xây dựng quy chế, quy định" && task.coordinatingAgencies == ["BTC", "STTTT"] && task.key)
        #expect(task.assigneeID == store.clerk.id && task.sourceSymbol == "57-NQ/TW" && task.assignedOn == date("2025-01-02"))
        #expect(listed.first { $0.code == "1.2" }?.description == #"Hồ sơ "mật""#)
        // A deadline is not changed by an import: that is an extension, with a reason.
        let moved = rows.replacingOccurrences(of: "2025-09-30", with: "2025-10-31")
        #expect(await thrownError {
            _ = try await tasks.importTasks(file: Data((Self.header + moved).utf8), plan: "05-KH/TU", as: store.clerk)
        }?.kind == .init(.invalidInput, "line 3, deadline"))
    }

    /// Imports `file` into plan 05-KH/TU and checks it made the two tasks every form of the list holds.
    func expectTheTwoTasks(importing file: Data, into store: TestStore) async throws {
        let result = try await store.docket.tasks.importTasks(file: file, plan: "05-KH/TU", as: store.clerk)
        #expect(result.created == ["1.1", "1.2"])
        let tasks = try await store.docket.tasks.tasks(TaskFilter(), plan: "05-KH/TU", page: .first, as: store.clerk).items
            .sorted { $0.code < $1.code }
        #expect(tasks.map(\.title) == ["Xây dựng quy chế, quy định", "Số hoá hồ sơ"])
        #expect(tasks.map(\.leadAgency) == ["VPTU", "BTC"])
        #expect(tasks.map(\.coordinatingAgencies) == [["BTC", "STTTT"], []])
        #expect(tasks.map(\.deadline.description) == ["2025-06-30", "2025-09-30"])
        #expect(tasks.map(\.assignedOn.description) == ["2025-01-02", "2025-01-02"])
    }

    /// The same list as clerks have it: English CSV; `;`-separated with Vietnamese headers, day-first
    /// dates and agencies by name (Excel under Vietnamese settings); tab-separated UTF-16 (Excel's
    /// "Unicode text"). Each imports to the same tasks.
    @Test(arguments: [
        Data(("code,title,lead,coordinating,deadline,assigned\n"
            + "1.1,\"Xây dựng quy chế, quy định\",VPTU,BTC;STTTT,2025-06-30,2025-01-02\n"
            + "1.2,Số hoá hồ sơ,BTC,,2025-09-30,2025-01-02\n").utf8),
        Data(("\u{FEFF}Mã;Tên nhiệm vụ;Cơ quan chủ trì;Phối hợp;Thời hạn;Ngày giao\r\n"
            + "1.1;Xây dựng quy chế, quy định;Văn phòng Tỉnh ủy;\"Ban Tổ chức; STTTT\";30/06/2025;02/01/2025\r\n"
            + "1.2;Số hoá hồ sơ;ban tổ chức;;30/9/2025;2/1/2025\r\n").utf8),
        ("MA\tTEN NHIEM VU\tCHU TRI\tPHOI HOP\tTHOI HAN\tNGAY GIAO\r\n"
            + "1.1\tXây dựng quy chế, quy định\tVPTU\tBTC, STTTT\t30.06.2025\t02.01.2025\r\n"
            + "1.2\tSố hoá hồ sơ\tBTC\t\t30.09.2025\t02.01.2025\r\n").data(using: .utf16LittleEndian).map { Data([0xFF, 0xFE]) + $0 }!,
    ])
    func aSpreadsheetAsClerksHaveItImportsTheSameTasks(file: Data) async throws {
        try await expectTheTwoTasks(importing: file, into: try await store())
    }

    /// The same list as an .xlsx written by openpyxl (shared strings, date cells formatted dd/mm/yyyy).
    @Test func anXLSXWorkbookImportsTheSameTasks() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("nhiem-vu.xlsx")
        _ = try Command.output("python3", ["-c", #"""
            import datetime, sys, openpyxl
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.title = "Nhiệm vụ"
            sheet.append(["Mã", "Tên nhiệm vụ", "Cơ quan chủ trì", "Phối hợp", "Thời hạn", "Ngày giao"])
            sheet.append(["1.1", "Xây dựng quy chế, quy định", "Văn phòng Tỉnh ủy", "BTC; STTTT", datetime.date(2025, 6, 30), datetime.date(2025, 1, 2)])
            sheet.append([])
            sheet.append(["1.2", "Số hoá hồ sơ", "BTC", None, datetime.date(2025, 9, 30), datetime.date(2025, 1, 2)])
            for row in sheet.iter_rows(min_row=2):
                for cell in row[4:6]:
                    cell.number_format = "dd/mm/yyyy"
            book.save(sys.argv[1])
            """#, path])
        let store = try await store()
        try await expectTheTwoTasks(importing: try Data(contentsOf: URL(fileURLWithPath: path)), into: store)

        // A row the sheet numbers 4 is named as line 4, by the column's own header.
        _ = try Command.output("python3", ["-c", #"""
            import sys, openpyxl
            book = openpyxl.Workbook()
            sheet = book.active
            for row in (["Mã", "Tên nhiệm vụ", "Chủ trì", "Thời hạn"], ["2.1", "Đào tạo", "VPTU", "30/06/2999"], [], ["2.2", "Hạ tầng", "VPTU", "31/04/2999"]):
                sheet.append(row)
            book.save(sys.argv[1])
            """#, path])
        let error = await thrownError {
            _ = try await store.docket.tasks.importTasks(file: try Data(contentsOf: URL(fileURLWithPath: path)), plan: "05-KH/TU", as: store.clerk)
        }
        #expect(error?.code == .invalidInput && error?.field == "line 4, Thời hạn", "\(String(describing: error))")
        // A ZIP that is no workbook says so.
        let zip = directory.file("x.zip")
        _ = try Command.output("python3", ["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED).writestr('a.txt', 'x' * 1000)", zip])
        let notBook = await thrownError {
            _ = try await store.docket.tasks.importTasks(file: try Data(contentsOf: URL(fileURLWithPath: zip)), plan: "05-KH/TU", as: store.clerk)
        }
        #expect(notBook?.field == "file" && notBook?.message.contains("not an .xlsx workbook") == true)
        _ = try Command.output("python3", ["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED).writestr('xl/workbook.xml', '<workbook><sheets><sheet name=a <</sheets></workbook>')", zip])
        let broken = await thrownError {
            _ = try await store.docket.tasks.importTasks(file: try Data(contentsOf: URL(fileURLWithPath: zip)), plan: "05-KH/TU", as: store.clerk)
        }
        #expect(broken?.field == "file" && broken?.message.contains("xl/workbook.xml is not well-formed XML") == true, "\(String(describing: broken))")
    }

    @Test(arguments: Backend.all) func aVietnameseHeaderNamesItsColumnInErrors(_ backend: Backend) async throws {
        let store = try await store(backend)
        let file = Data("Mã;Tên nhiệm vụ;Chủ trì;Thời hạn\n1.1;Đào tạo;VPTU;31/04/2025\n".utf8)
        let error = await thrownError { _ = try await store.docket.tasks.importTasks(file: file, plan: "05-KH/TU", as: store.clerk) }
        #expect(error?.code == .invalidInput && error?.field == "line 2, Thời hạn", "\(String(describing: error))")
        #expect(error?.message.contains("'31/04/2025' is not a date") == true)
    }

    @Test(arguments: Backend.all) func aCodeTypedWithoutItsPlanNamesTheFlagThatFindsIt(_ backend: Backend) async throws {
        let store = try await store(backend)
        let file = Data("code,title,lead,deadline,assigned\n1.1,Đào tạo,BTC,2025-06-30,2025-01-02\n".utf8)
        _ = try await store.docket.tasks.importTasks(file: file, plan: "05-KH/TU", as: store.clerk)
        let error = await thrownError { _ = try await store.docket.tasks.task("1.1", as: store.clerk) }
        #expect(error?.code == .notFound && error?.field == "plan", "\(String(describing: error))")
        #expect(error?.message.contains("1.1 is the code of a task in 05-KH/TU: name the plan with --plan 05-KH/TU") == true)
        // Someone who may not see the task learns nothing of it.
        let hidden = await thrownError { _ = try await store.docket.tasks.task("1.1", as: store.delegate) }
        #expect(hidden?.code == .notFound && hidden?.field == "task" && hidden?.message == "no task with id 1.1")
        #expect(try await store.docket.tasks.task("1.1", plan: "05-KH/TU", as: store.clerk).task.title == "Đào tạo")
    }

    @Test(arguments: Backend.all) func aTaskIsShownAsItStoodOnAPastDay(_ backend: Backend) async throws {
        let store = try await store(backend)
        let file = Data("Mã;Tên nhiệm vụ;Chủ trì;Thời hạn;Ngày giao\n1.1;Đào tạo;VPTU;30/06/2025;02/01/2025\n".utf8)
        _ = try await store.docket.tasks.importTasks(file: file, plan: "05-KH/TU", as: store.clerk)
        let tasks = store.docket.tasks
        _ = try await tasks.reportProgress("1.1", plan: "05-KH/TU", percent: 40, text: "Mở 2 lớp", on: date("2025-03-01"), as: store.clerk)
        _ = try await tasks.extend("1.1", plan: "05-KH/TU", to: date("2025-09-30"), reason: "Chờ kinh phí", approvedBy: "Bí thư", on: date("2025-06-15"), as: store.clerk)
        _ = try await tasks.changeStatus("1.1", plan: "05-KH/TU", to: .completed, on: date("2025-09-12"), as: store.clerk)

        let march = try await tasks.task("1.1", plan: "05-KH/TU", asOf: date("2025-03-31"), as: store.clerk)
        #expect(march.standing == TaskDetail.Standing(status: .inProgress, deadline: date("2025-06-30"), completedOn: nil, percent: 40))
        #expect(march.timeliness == .inProgress && march.history.allSatisfy { $0.effectiveOn <= date("2025-03-31") })
        #expect(march.history.contains { $0.kind == .progress } && !march.history.contains { $0.kind == .extension })
        let july = try await tasks.task("1.1", plan: "05-KH/TU", asOf: date("2025-07-01"), as: store.clerk)
        #expect(july.standing?.deadline == date("2025-09-30") && july.timeliness == .inProgress)
        let now = try await tasks.task("1.1", plan: "05-KH/TU", as: store.clerk)
        #expect(now.standing?.status == .completed && now.timeliness == .completedOnTime)
        #expect(now.history.count == july.history.count + 1 && july.history.count == march.history.count + 1)
        let before = try await tasks.task("1.1", plan: "05-KH/TU", asOf: date("2025-01-01"), as: store.clerk)
        #expect(before.standing == nil && before.history.isEmpty)
        let future = await thrownError { _ = try await tasks.task("1.1", plan: "05-KH/TU", asOf: date("2999-01-01"), as: store.clerk) }
        #expect(future?.code == .invalidInput && future?.field == "asOf")
    }

    @Test(arguments: Backend.all) func headerProblemsAreNamed(_ backend: Backend) async throws {
        let store = try await store(backend)
        let field = { (csv: String) async -> String? in
            do {
                _ = try await store.docket.tasks.importTasks(file: Data(csv.utf8), plan: "05-KH/TU", as: store.clerk)
            } catch let error as DocketError { return error.message } catch {}
            return nil
        }
        #expect(await field("code,title,deadline\n") == "line 1: the column 'lead' is missing; code, title, lead, deadline are required")
        #expect(await field("code,title,lead,deadline,colour\n")?.contains("unknown column 'colour'") == true)
        #expect(await field("code,title,lead,deadline\n1,\"open,VPTU,2025-01-01\n") == "line 2: a quoted field is never closed")
        #expect(await field("")?.hasPrefix("the file is empty; its first line names the columns: code (Mã), title (Tên nhiệm vụ), description (Mô tả),") == true)
        #expect(await field("code,title,lead,deadline,assigned\n1,A,VPTU,2025-01-01,2024-12-01\n1,B,VPTU,2025-01-01,2024-12-01\n")?.contains("line 3, code: the code 1 is already on line 2") == true)
        #expect(await field("code,title,lead,deadline,assigned\n1,A,VPTU,2025-01-01,2025-02-01\n")?.contains("line 2, deadline: the deadline 2025-01-01 is before the task was assigned (2025-02-01); give a later deadline, or the day it was really assigned") == true)
        let latin1 = Data([0x63, 0x6F, 0x64, 0x65, 0x0A, 0xE9, 0x0A])
        await #expect(throws: DocketError.invalid("file", "the file is not UTF-8 or UTF-16 text; save it as CSV UTF-8")) {
            _ = try await store.docket.tasks.importTasks(file: latin1, plan: "05-KH/TU", as: store.clerk)
        }
    }

    @Test(arguments: Backend.all) func aConclusionNoticeTurnsItsTasksIntoSupervisedTasksOnce(_ backend: Backend) async throws {
        let store = try await TestStore(backend)
        let prepared = try await store.preparedSession(open: true)
        let sessions = store.docket.sessions
        let conclusion = try await sessions.addConclusion(
            prepared.session.id,
            NewConclusion(
                text: "Giao Văn phòng chủ trì xây dựng quy chế", item: "1",
                tasks: [
                    AssignedTask(title: "Xây dựng quy chế", leadAgency: "VPTU", coordinatingAgencies: ["BTC"], deadline: "2025-06-30"),
                    AssignedTask(title: "Rà soát nhân sự", leadAgency: "BTC", deadline: "2025-05-31"),
                ]),
            as: store.clerk)
        let notice = try await store.docket.notices.issue(.conclusion, session: prepared.session.id, as: store.clerk)
        let plan = try await store.docket.tasks.plan(notice.symbol, as: store.clerk)
        #expect(plan.sessionID == prepared.session.id)
        let tasks = try await store.docket.tasks.tasks(TaskFilter(), plan: plan.id, page: .first, as: store.clerk).items
        #expect(tasks.map(\.code) == ["1.2", "1.1"])  // by deadline
        #expect(tasks.allSatisfy { $0.sourceSymbol == notice.symbol && $0.conclusionID == conclusion.id })
        #expect(tasks.last?.coordinatingAgencies == ["BTC"] && tasks.last?.deadline == date("2025-06-30"))
        // A second conclusion notice takes over only what is new.
        _ = try await sessions.addConclusion(
            prepared.session.id,
            NewConclusion(text: "Giao Sở báo cáo", tasks: [AssignedTask(title: "Báo cáo hạ tầng", leadAgency: "BTC", deadline: "2025-07-31")]),
            as: store.clerk)
        let second = try await store.docket.notices.issue(.conclusion, session: prepared.session.id, as: store.clerk)
        let secondTasks = try await store.docket.tasks.tasks(TaskFilter(), plan: second.symbol, page: .first, as: store.clerk).items
        #expect(secondTasks.map(\.code) == ["2.1"])
        #expect(try await store.docket.tasks.tasks(TaskFilter(), page: .first, as: store.clerk).total == 3)
    }

    @Test(arguments: Backend.all) func remindersGoToLeadAgenciesOfOverdueAndDueSoonTasks(_ backend: Backend) async throws {
        let store = try await store(backend)
        let vptu = try await store.docket.users.add(NewUser(username: "vptu", roles: [.delegate], agency: "VPTU"), as: store.admin)
        _ = try await store.docket.sessions.createBody(
            NewBody(name: "Văn phòng Tỉnh ủy", code: "VPTU", numbering: .state), as: store.clerk)
        let today = store.docket.configuration.today()
        let tasks = store.docket.tasks
        for (code, lead, days) in [("1", "VPTU", -3), ("2", "VPTU", 5), ("3", "BTC", 20), ("4", "STTTT", 1)] {
            _ = try await tasks.addTask(
                NewTask(code: code, title: "Nhiệm vụ \(code)", leadAgency: lead, deadline: today.adding(days: days).description,
                        assignedOn: today.adding(days: -30).description),
                plan: "05-KH/TU", as: store.clerk)
        }
        _ = try await tasks.changeStatus("4", plan: "05-KH/TU", to: .completed, as: store.clerk)
        let notices = try await tasks.remind(within: 7, body: "VPTU", as: store.clerk)
        #expect(notices.map(\.agencies) == [["VPTU"]])
        #expect(notices.first?.symbol == "01-CV/VPTU" && notices.first?.kind == .reminder)
        #expect(notices.first?.title == "Nhắc việc: 1 nhiệm vụ quá hạn, 1 nhiệm vụ đến hạn trong 7 ngày")
        let inbox = try await store.docket.notices.inbox(page: .first, as: vptu)
        #expect(inbox.items.map(\.notice.symbol) == ["01-CV/VPTU"])
        let (_, content) = try await store.docket.documents.content(try #require(notices.first).documentID, as: vptu)
        let html = String(decoding: try content.data(), as: UTF8.self)
        #expect(html.contains("quá hạn 3 ngày") && html.contains("còn 5 ngày") && !html.contains("Nhiệm vụ 3"))
        let wider = try await tasks.remind(within: 30, body: "VPTU", as: store.clerk)
        #expect(wider.map(\.symbol) == ["02-CV/VPTU", "03-CV/VPTU"])  // BTC, then VPTU
    }
}
