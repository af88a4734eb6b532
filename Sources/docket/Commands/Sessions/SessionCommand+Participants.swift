import ArgumentParser
import DocketCore
import DocketServices
import Foundation


extension SessionCommand {
    struct BridgePointAdd: DocketRunnable {
        static let configuration = CommandConfiguration(
            commandName: "bridge-point", abstract: "Add a bridge point (điểm cầu) hosted by an agency (admin, clerk).")
        @Argument(help: "Session id.") var id: String
        @Option(help: "The bridge point's name.") var name: String
        @Option(help: "Code of the host agency.") var hostAgency: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let point = try await docket.sessions.addBridgePoint(id, name: name, hostAgency: hostAgency, as: actor)
            if output.json { return try Output.json(point) }
            print("Added bridge point \(point.name) hosted by \(point.hostAgency) (\(point.id))")
        }
    }

    struct Invite: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Invite a user with a role: chair, member, secretary, guest, expert (admin, clerk).")
        @Argument(help: "Session id.") var id: String
        @Argument(help: "Username or id.") var user: String
        @Option(help: "Role in the session: chair, member (the default), secretary, guest, expert.") var role: String?
        @Option(help: "Bridge point name or id.") var bridgePoint: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let role = try ParticipantRole.invitation(role)
            let (docket, actor) = try await store.openActing()
            let participant = try await docket.sessions.invite(id, user: user, role: role, bridgePoint: bridgePoint, as: actor)
            if output.json { return try Output.json(participant) }
            print("Invited \(participant.username) as \(participant.role.rawValue)" + (participant.bridgePoint.map { " at \($0)" } ?? ""))
        }
    }

    struct Uninvite: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Withdraw an invitation before the session opens (admin, clerk).")
        @Argument(help: "Session id.") var id: String
        @Argument(help: "Username or id.") var user: String
        @OptionGroup var store: StoreOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            try await docket.sessions.uninvite(id, user: user, as: actor)
            print("Withdrew the invitation of \(user)")
        }
    }

    struct CheckIn: DocketRunnable {
        static let configuration = CommandConfiguration(
            commandName: "check-in", abstract: "Check yourself in to an open session you are invited to.")
        @Argument(help: "Session id.") var id: String
        @Flag(help: "Check out instead (you are leaving).") var out = false
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let participant = out ? try await docket.sessions.checkOut(id, as: actor) : try await docket.sessions.checkIn(id, as: actor)
            if output.json { return try Output.json(participant) }
            if let left = participant.leftAt {
                print("\(participant.username) left at \(Timestamp.string(left))")
            } else {
                print("\(participant.username) present since \(participant.arrivedAt.map { Timestamp.string($0) } ?? "now")" + (participant.late ? " (late)" : ""))
            }
        }
    }

    struct Attend: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Record a participant's attendance: present, absent (with --reason), represented (with --proxy) (admin, clerk).")
        @Argument(help: "Session id.") var id: String
        @Argument(help: "Username or id.") var user: String
        @Option(help: "present, absent, represented, or invited to clear.") var status: String
        @Option(help: "Arrival time when present, e.g. \"10/03/2025 08:05\" (default now; a back-entered session's start).") var at: String?
        @Option(help: "When they left early.") var leftAt: String?
        @Option(help: "Reason for an absence.") var reason: String?
        @Option(help: "Who represents them.") var proxy: String?
        @Option(name: [.customLong("amendment"), .customLong("amend")], help: "Reason for correcting a closed session.") var amend: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let change = try AttendanceChange(
                user: user, status: status, at: at, leftAt: leftAt, reason: reason, proxy: proxy, amendment: amend,
                zone: store.timeZone)
            let (docket, actor) = try await store.openActing()
            let participant = try await docket.sessions.recordAttendance(id, change, as: actor)
            if output.json { return try Output.json(participant) }
            print("\(participant.username): \(participant.status.rawValue)" + (participant.late ? " (late)" : "")
                + (participant.leftAt != nil ? " (left early)" : ""))
        }
    }

    struct Attendance: DocketRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Attendance per bridge point, and whether quorum holds now.")
        @Argument(help: "Session id.") var id: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let report = try await docket.sessions.attendance(id, as: actor)
            if output.json { return try Output.json(report) }
            Output.table(
                ["BRIDGE POINT", "INVITED", "PRESENT", "LATE", "LEFT", "ABSENT", "PROXY", "NOT RECORDED"],
                report.points.map {
                    [$0.bridgePoint, String($0.invited), String($0.present), String($0.late), String($0.leftEarly),
                     String($0.absent), String($0.represented), String($0.notRecorded)]
                })
            print("Quorum (\(report.quorumRule), counting the \(report.quorumBasis.rawValue)): \(report.entitledPresent) of \(report.entitled) present — "
                + (report.quorum ? "quorum holds" : "no quorum"))
            print("")
            let time = { (date: Date?) in date.map { Timestamp.string($0) } ?? "" }
            Output.table(
                ["PARTICIPANT", "ROLE", "BRIDGE POINT", "STATUS", "ARRIVED", "LEFT", "NOTE"],
                report.participants.map {
                    [$0.username, $0.role.rawValue, $0.bridgePoint ?? "main", $0.status.rawValue + ($0.late ? " (late)" : ""),
                     time($0.arrivedAt), time($0.leftAt), $0.reason ?? $0.proxy.map { "proxy: \($0)" } ?? ""]
                })
        }
    }

    struct Amendments: DocketRunnable {
        static let configuration = CommandConfiguration(abstract: "Corrections made after the session closed.")
        @Argument(help: "Session id.") var id: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func execute() async throws {
            let (docket, actor) = try await store.openActing()
            let amendments = try await docket.sessions.amendments(id, as: actor)
            if output.json { return try Output.json(amendments) }
            for amendment in amendments {
                print("\(Timestamp.string(amendment.createdAt))  \(amendment.subject): \(amendment.reason)")
                print("  before: \(amendment.before)")
                print("  after:  \(amendment.after)")
            }
            print("\(amendments.count) amendments")
        }
    }
}
