import DocketCore
import DocketServices
import Foundation

extension TestStore {
    /// Plan `05-KH/TU` with two groups and two phases, agencies VPTU, BTC and STTTT, and six
    /// tasks with a known history through 2025 (see `TaskSupervisionTests` for the timeline):
    /// 1.1 completed on time, 1.2 completed late, 2.1 extended then completed, 2.2 left overdue,
    /// 2.3 cancelled, 3 assigned later and not yet due.
    public func supervisedPlan() async throws -> Plan {
        let tasks = docket.tasks
        for (code, name) in [("VPTU", "Văn phòng Tỉnh ủy"), ("BTC", "Ban Tổ chức"), ("STTTT", "Sở Thông tin và Truyền thông")] {
            _ = try await docket.agencies.create(code: code, name: name, as: clerk)
        }
        let plan = try await tasks.createPlan(
            NewPlan(
                symbol: "05-KH/TU", title: "Kế hoạch thực hiện Nghị quyết 57-NQ/TW", implements: "57-NQ/TW",
                groups: [PlanGroup(number: 1, title: "Hoàn thiện thể chế"), PlanGroup(number: 2, title: "Hạ tầng số")],
                phases: [
                    PlanPhase(code: "GĐ1", starts: date("2025-01-01"), ends: date("2025-06-30")),
                    PlanPhase(code: "GĐ2", starts: date("2025-07-01"), ends: date("2025-12-31")),
                ]),
            as: clerk)
        func add(_ code: String, _ lead: String, group: Int?, phase: String?, deadline: String, assigned: String = "2025-01-02",
                 key: Bool = false) async throws {
            _ = try await tasks.addTask(
                NewTask(
                    code: code, title: "Nhiệm vụ \(code)", source: "57-NQ/TW", group: group, phase: phase, leadAgency: lead,
                    coordinatingAgencies: lead == "VPTU" ? ["BTC"] : [], deadline: deadline, key: key, assignedOn: assigned),
                plan: plan.symbol, as: clerk)
        }
        try await add("1.1", "VPTU", group: 1, phase: "GĐ1", deadline: "2025-03-31")
        try await add("1.2", "VPTU", group: 1, phase: "GĐ1", deadline: "2025-03-31")
        try await add("2.1", "BTC", group: 2, phase: "GĐ1", deadline: "2025-04-30")
        try await add("2.2", "BTC", group: 2, phase: "GĐ2", deadline: "2025-05-15")
        try await add("2.3", "STTTT", group: 2, phase: "GĐ2", deadline: "2025-09-30", key: true)
        try await add("3", "STTTT", group: nil, phase: nil, deadline: "2025-12-31", assigned: "2025-02-01")
        let p = plan.symbol
        _ = try await tasks.reportProgress("1.1", plan: p, percent: 40, text: "Đã có dự thảo", on: date("2025-02-10"), as: clerk)
        _ = try await tasks.changeStatus("1.1", plan: p, to: .completed, on: date("2025-03-20"), as: clerk)
        _ = try await tasks.changeStatus("1.2", plan: p, to: .completed, on: date("2025-04-15"), as: clerk)
        _ = try await tasks.extend(
            "2.1", plan: p, to: date("2025-06-30"), reason: "Chờ hướng dẫn của Trung ương", approvedBy: "Đồng chí Bí thư",
            on: date("2025-04-25"), as: clerk)
        _ = try await tasks.changeStatus("2.1", plan: p, to: .completed, on: date("2025-06-10"), as: clerk)
        _ = try await tasks.changeStatus("2.3", plan: p, to: .cancelled, on: date("2025-05-01"), reason: "Gộp vào nhiệm vụ 2.2", as: clerk)
        return plan
    }
}

/// A calendar date from a literal the test knows is valid.
public func date(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(text) else { preconditionFailure("bad test date \(text)") }
    return date
}
