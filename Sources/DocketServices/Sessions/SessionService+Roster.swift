import DocketCore
import Foundation

/// A member of a body's roster, with who they are.
public struct BodyMemberView: Sendable, Codable, Equatable {
    public var username: String
    public var agency: String?
    public var addedAt: Date
}

extension SessionService {
    /// The body's roster, oldest first (admin, clerk, chair, auditor). The quorum of the body's
    /// sessions counts these members when there are any.
    public func members(of body: String, as actor: User) async throws -> [BodyMemberView] {
        try actor.require(.readAllSessions)
        return try await storage.read { reader in
            try Self.roster(of: try Self.body(body, in: reader), in: reader)
        }
    }

    /// Puts a user on the body's roster (admin, clerk); one already there changes nothing.
    public func addMember(_ user: String, to body: String, as actor: User) async throws -> [BodyMemberView] {
        try actor.require(.manageSessions)
        let now = configuration.time.now()
        return try await storage.write { writer in
            let body = try Self.body(body, in: writer)
            let user = try Self.user(user, in: writer)
            if try writer.insert(BodyMember(bodyID: body.id, userID: user.id, addedAt: now)) {
                try audit.record(writer, actor: actor.id, action: .bodyMemberAdd, subject: body.id, details: ["user": user.id])
            }
            return try Self.roster(of: body, in: writer)
        }
    }

    /// Takes a user off the body's roster (admin, clerk).
    public func removeMember(_ user: String, from body: String, as actor: User) async throws -> [BodyMemberView] {
        try actor.require(.manageSessions)
        return try await storage.write { writer in
            let body = try Self.body(body, in: writer)
            let user = try Self.user(user, in: writer)
            guard try writer.deleteBodyMember(bodyID: body.id, userID: user.id) else {
                throw DocketError(.notFound, "\(user.username) is not on the roster of \(body.code)", field: "user")
            }
            try audit.record(writer, actor: actor.id, action: .bodyMemberRemove, subject: body.id, details: ["user": user.id])
            return try Self.roster(of: body, in: writer)
        }
    }

    static func roster(of body: Body, in reader: any StorageReader) throws -> [BodyMemberView] {
        try reader.bodyMembers(bodyID: body.id).compactMap { member in
            try reader.user(id: member.userID).map { BodyMemberView(username: $0.username, agency: $0.agency, addedAt: member.addedAt) }
        }
    }
}
