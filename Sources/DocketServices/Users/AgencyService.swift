import DocketCore
import Foundation

/// Agencies (units) users belong to and tasks are assigned to.
public struct AgencyService: Sendable {
    let storage: any Storage
    let audit: AuditLog
    let configuration: DocketConfiguration

    /// Registers an agency (admin, clerk).
    public func create(code: String, name: String, as actor: User) async throws -> Agency {
        try actor.require(.manageAgencies)
        let code = try CanonicalName.identifier(code, field: "code", what: "an agency's code")
        guard (1...30).contains(code.count), code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else {
            throw DocketError.invalid("code", "an agency's code is 1 to 30 letters, digits, dots or dashes, e.g. VPTU; got '\(code)'")
        }
        let name = try TextInput.clean(name, field: "name")
        guard (1...200).contains(name.count) else { throw DocketError.invalid("name", "an agency's name is 1 to 200 characters") }
        let agency = Agency(code: code, name: name, createdAt: configuration.time.now())
        try await storage.write { writer in
            try writer.insert(agency)
            try audit.record(writer, actor: actor.id, action: .agencyCreate, subject: code, details: ["name": name])
        }
        return agency
    }

    /// All agencies, by code (anyone signed in).
    public func list(as actor: User) async throws -> [Agency] {
        try await storage.read { try $0.agencies() }
    }

    /// The agency with `code`, or a not-found error naming `field`.
    /// The agency with the code `text`, else the one whose name is exactly `text` (compared after
    /// Unicode normalisation and case folding, as people type names).
    static func agency(_ text: String, field: String, in reader: any StorageReader) throws -> Agency {
        if let agency = try reader.agency(code: text) { return agency }
        let key = CanonicalName.key(text.trimmingCharacters(in: .whitespaces))
        guard let agency = try reader.agencies().first(where: { CanonicalName.key($0.name) == key }) else {
            throw DocketError(.notFound, "no agency with the code or name \(text); `docket agency list` shows them", field: field)
        }
        return agency
    }
}
