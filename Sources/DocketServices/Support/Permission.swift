import DocketCore
import Foundation

/// Who may do what. Every service method checks here before it reads or changes anything,
/// so the CLI and HTTP enforce the same rules.
public enum Permission: String, Sendable {
    case manageUsers = "manage users"
    case manageKeys = "manage keys"
    case addDocuments = "add documents"
    case signDocuments = "sign documents"
    case readAllDocuments = "read all documents"
    case readAudit = "read the audit log"
    case checkStore = "check the document store"
    case repairStore = "repair the document store"
    case migrateStore = "copy the store to another database"
    case manageSessions = "manage bodies and sessions"
    case readAllSessions = "read all sessions"
    case manageAgencies = "manage agencies"
    case manageTasks = "manage plans and tasks"
    case readAllTasks = "read all tasks and their reports"
    case manageRecords = "register and file documents"
    case readAllRecords = "read all registers and dossiers"
    case directRecords = "direct the processing of incoming documents"
    case decideRecords = "approve filing plans and decide disposals"
    case placeHolds = "place holds on dossiers"

    public var roles: Set<Role> {
        switch self {
        case .manageUsers, .manageKeys, .repairStore, .migrateStore: [.admin]
        case .addDocuments, .signDocuments: [.admin, .clerk, .chair]
        case .readAllDocuments: [.admin, .clerk, .chair, .auditor]
        case .readAudit, .checkStore: [.admin, .auditor]
        case .manageSessions, .manageAgencies, .manageTasks, .manageRecords: [.admin, .clerk]
        case .readAllSessions, .readAllTasks, .readAllRecords: [.admin, .clerk, .chair, .auditor]
        case .directRecords: [.admin, .chair]
        case .decideRecords: [.chair]
        case .placeHolds: [.admin, .clerk, .chair]
        }
    }
}

extension User {
    /// Throws `forbidden` unless the user holds a role that grants `permission`.
    public func require(_ permission: Permission) throws {
        guard hasAny(permission.roles) else {
            let needed = permission.roles.sorted().map(\.rawValue).joined(separator: " or ")
            throw DocketError.forbidden("\(username) may not \(permission.rawValue); that needs the role \(needed)")
        }
    }

    /// Whether the user may read `document`: cleared for it, and either a reader of all documents,
    /// its author, or someone it was handed to (on the agenda of their session, a notice to them).
    func mayRead(_ document: Document, in reader: any StorageReader) throws -> Bool {
        guard isCleared(for: document.classification) else { return false }
        if hasAny(Permission.readAllDocuments.roles) || document.createdBy == id { return true }
        return try reader.documentIsShared(documentID: document.id, withUser: id)
    }

    /// The documents among `ids` the user may read, in order; `memo` keeps each answer for the
    /// next call. What they may not read leaves no id behind.
    func readable(_ ids: [String], in reader: any StorageReader, memo: inout [String: Bool]) throws -> [String] {
        try ids.filter { id in
            if let known = memo[id] { return known }
            let allowed = try reader.document(id: id).map { try mayRead($0, in: reader) } ?? false
            memo[id] = allowed
            return allowed
        }
    }

    /// Whether the user sees every session, not only those they are invited to.
    var readsAllSessions: Bool { hasAny(Permission.readAllSessions.roles) }

    /// Whether the user may see `task`: a reader of all tasks, or of an agency that leads or coordinates it.
    func maySee(_ task: SupervisedTask) -> Bool {
        hasAny(Permission.readAllTasks.roles) || task.involves(agency: agency)
    }
}

extension Role {
    /// The longest a bearer token of this role may live: the more a role may read or change,
    /// the sooner its tokens end.
    var tokenLifetimeLimit: TimeInterval {
        let days: Double =
            switch self {
            case .admin, .auditor: 30
            case .clerk, .chair: 90
            case .delegate: 180
            }
        return days * 86400
    }
}

extension User {
    /// The role whose limit binds the user's tokens.
    var limitingRole: Role { roles.min { $0.tokenLifetimeLimit < $1.tokenLifetimeLimit } ?? .admin }

    /// The longest the user's tokens may live.
    var tokenLifetimeLimit: TimeInterval { limitingRole.tokenLifetimeLimit }
}
