import Foundation

/// What a user may do; a user can hold several roles.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case admin, clerk, chair, delegate, auditor

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses a comma-separated list such as `clerk,chair`.
    public static func parseList(_ text: String, field: String = "role") throws -> [Role] {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !names.isEmpty else { throw DocketError.invalid(field, "give at least one role: \(choices)") }
        var roles: [Role] = []
        for name in names {
            let role = try parse(name, field: field)
            if !roles.contains(role) { roles.append(role) }
        }
        return roles.sorted()
    }
}

extension Role: NamedValue {
    public static let kind = "role"
}

