import DocketCore
import Foundation

extension RecordService {
    /// The gap report of a register's year, this year by default (readers of all records).
    public func gaps(register code: String?, kind: RegisterKind? = nil, year: Int? = nil, as actor: User) async throws -> GapReport {
        try actor.require(.readAllRecords)
        let year = year ?? configuration.today().year
        return try await storage.read { reader in
            let register = try Self.register(code, kind: kind, in: reader)
            return GapReport(
                register: register.code, year: year, numbers: try reader.registerNumbers(registerID: register.id, year: year),
                starts: try reader.seriesStarts(registerID: register.id))
        }
    }

    /// A register's year as the paper book prints it (readers of all records). Entries above the
    /// reader's clearance keep their line, number and date, with the rest withheld, so the book
    /// still shows that no number is missing.
    public func sheet(register code: String?, kind: RegisterKind? = nil, year: Int? = nil, as actor: User) async throws -> RegisterSheet {
        try actor.require(.readAllRecords)
        let year = year ?? configuration.today().year
        let timeZone = configuration.timeZone
        return try await storage.read { reader in
            let register = try Self.register(code, kind: kind, in: reader)
            var entries: [RegisterEntry] = []
            var offset = 0
            while true {
                let page = try reader.registerEntries(
                    RegisterEntryFilter(registerID: register.id, year: year), page: Page(limit: Page.maximumLimit, offset: offset))
                entries += page.items
                offset += page.items.count
                if page.items.isEmpty || offset >= page.total { break }
            }
            var names: [String: String] = [:]
            let lines = try entries.map { entry -> RegisterSheet.Line in
                guard actor.isCleared(for: entry.classification) else {
                    return RegisterSheet.Line(entry: entry, withheld: true, timeZone: timeZone)
                }
                let steps = entry.kind == .incoming ? try reader.processingSteps(entryID: entry.id) : []
                let handedOver = steps.first { $0.kind == .direct }
                var line = RegisterSheet.Line(entry: entry, withheld: false, timeZone: timeZone)
                if let handler = entry.handlerID, entry.kind == .incoming {
                    if names[handler] == nil { names[handler] = try reader.user(id: handler)?.username ?? handler }
                    line.handedTo = names[handler]
                }
                line.handedOn = handedOver.map { LocalTime.day($0.at, in: timeZone) }
                line.answer = try steps.last { $0.answerID != nil }?.answerID.flatMap { try reader.registerEntry(id: $0)?.symbol }
                return line
            }
            return RegisterSheet(register: register, year: year, lines: lines)
        }
    }

    /// Incoming documents past their processing deadline as of `asOf` (`YYYY-MM-DD`, today by
    /// default), as the world was that day: the deadline and handler then in force, and not done
    /// by the end of it (readers of all records).
    public func overdue(asOf text: String? = nil, as actor: User) async throws -> OverdueRecords {
        try actor.require(.readAllRecords)
        let asOf = try CalendarDate.parse(optional: text, field: "asOf") ?? configuration.today()
        let timeZone = configuration.timeZone
        let endOfDay = asOf.adding(days: 1).start(in: timeZone)
        return try await storage.read { reader in
            var records: [OverdueRecord] = []
            var users: [String: User] = [:]
            var registers: [String: String] = [:]
            for entry in try reader.incomingEntries(registeredBefore: endOfDay)
            where actor.isCleared(for: entry.classification) {
                var state = ProcessingState.registered
                var deadline: CalendarDate?
                var handler: String?
                for step in try reader.processingSteps(entryID: entry.id) where step.at < endOfDay {
                    deadline = step.deadline ?? deadline
                    handler = step.handlerID ?? handler
                    state = step.kind.state(after: state)
                }
                guard let deadline, deadline < asOf, !state.isClosed else { continue }
                if let handler, users[handler] == nil { users[handler] = try reader.user(id: handler) }
                if registers[entry.registerID] == nil { registers[entry.registerID] = try reader.register(id: entry.registerID)?.code }
                let user = handler.flatMap { users[$0] }
                records.append(
                    OverdueRecord(
                        entryID: entry.id, register: registers[entry.registerID] ?? entry.registerID, number: entry.number,
                        sender: entry.sender ?? "", senderSymbol: entry.senderSymbol ?? "", summary: entry.summary,
                        deadline: deadline, daysOverdue: deadline.days(until: asOf), state: state, handler: user?.username,
                        unit: user?.agency))
            }
            records.sort { ($0.unit ?? "", $0.handler ?? "", $0.deadline) < ($1.unit ?? "", $1.handler ?? "", $1.deadline) }
            return OverdueRecords(
                asOf: asOf, records: records,
                byHandler: records.reduce(into: [:]) { $0[$1.handler ?? "—", default: 0] += 1 },
                byUnit: records.reduce(into: [:]) { $0[$1.unit ?? "—", default: 0] += 1 })
        }
    }
}

extension ProcessingStepKind {
    /// The processing state a step leads to from `state`.
    func state(after state: ProcessingState) -> ProcessingState {
        switch self {
        case .register: .registered
        case .submit: .submitted
        case .direct: .directed
        case .opinion: .handling
        case .forward: state
        case .done: .done
        case .return: .returned
        }
    }
}
