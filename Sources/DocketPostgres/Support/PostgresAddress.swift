import DocketCore
import Foundation
import NIOSSL
import PostgresNIO

/// Where the database is, from a `postgres://user:password@host:port/database` URL. The password may
/// come from `PGPASSWORD` instead; `?sslmode=require` (or `prefer`) encrypts the connection, and
/// `?host=/run/postgresql` connects through that directory's Unix socket.
public struct PostgresAddress: Sendable, CustomStringConvertible {
    let configuration: PostgresConnection.Configuration
    /// The URL without its password, for messages.
    public let description: String

    public static func isPostgres(_ url: String) -> Bool {
        url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")
    }

    public init(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isPostgres(url), let parts = URLComponents(string: url) else {
            throw DocketError.invalid("database", "give the database as postgres://USER@HOST[:PORT]/DATABASE, got '\(Self.redacted(url))'")
        }
        guard let user = parts.user, !user.isEmpty else {
            throw DocketError.invalid("database", "the URL names no user: postgres://USER@HOST/DATABASE")
        }
        let database = String(parts.path.dropFirst())
        guard !database.isEmpty, !database.contains("/") else {
            throw DocketError.invalid("database", "the URL names no database: postgres://USER@HOST/DATABASE")
        }
        let password = parts.password ?? environment["PGPASSWORD"]
        let query = Dictionary((parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let port = parts.port ?? 5432
        if let socketDirectory = query["host"], socketDirectory.hasPrefix("/") {
            configuration = PostgresConnection.Configuration(
                unixSocketPath: socketDirectory + "/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            switch query["sslmode"] ?? "disable" {
            case "disable": tls = .disable
            case "prefer": tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case "require": tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case let other:
                throw DocketError.invalid("database", "sslmode is disable, prefer or require, got '\(other)'")
            }
            configuration = PostgresConnection.Configuration(
                host: parts.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost", port: port, username: user, password: password,
                database: database, tls: tls)
        }
        description = Self.redacted(url)
    }

    /// `url` with any password replaced, so it can be shown and logged.
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }
}
