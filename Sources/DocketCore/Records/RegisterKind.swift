/// Which way a register's documents travel.
public enum RegisterKind: String, Sendable, Codable, CaseIterable, NamedValue {
    /// Sổ đăng ký văn bản đến: documents that arrive, numbered by arrival.
    case incoming
    /// Sổ đăng ký văn bản đi: documents the office issues, numbered `NN-TYPE/ISSUER`.
    case outgoing
    public static let kind = "register kind"
}
