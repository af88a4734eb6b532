import DocketCore

/// Who may do what. Every service method checks here before it reads or changes anything,
/// so the CLI and HTTP enforce the same rules.
enum Permission: String {
    case manageUsers = "manage users"
    case manageKeys = "manage keys"
    case addDocuments = "add documents"
    case signDocuments = "sign documents"
    case readAllDocuments = "read all documents"
    case readAudit = "read the audit log"
    case checkStore = "check the document store"
    case manageSessions = "manage bodies and sessions"
    case readAllSessions = "read all sessions"
    case manageAgencies = "manage agencies"
    case manageTasks = "manage plans and tasks"
    case readAllTasks = "read all tasks and their reports"

    var roles: Set<Role> {
        switch self {
        case .manageUsers, .manageKeys: [.admin]
        case .addDocuments, .signDocuments: [.admin, .clerk, .chair]
        case .readAllDocuments: [.admin, .clerk, .chair, .auditor]
        case .readAudit, .checkStore: [.admin, .auditor]
        case .manageSessions, .manageAgencies, .manageTasks: [.admin, .clerk]
        case .readAllSessions, .readAllTasks: [.admin, .clerk, .chair, .auditor]
        }
    }
}

extension User {
    /// Throws `forbidden` unless the user holds a role that grants `permission`.
    func require(_ permission: Permission) throws {
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

    /// Whether the user sees every session, not only those they are invited to.
    var readsAllSessions: Bool { hasAny(Permission.readAllSessions.roles) }

    /// Whether the user may see `task`: a reader of all tasks, or of an agency that leads or coordinates it.
    func maySee(_ task: SupervisedTask) -> Bool {
        hasAny(Permission.readAllTasks.roles) || task.involves(agency: agency)
    }
}
