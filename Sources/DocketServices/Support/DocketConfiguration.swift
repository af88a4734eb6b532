import DocketCore
import Foundation

/// What a store is opened with; front ends fill it from flags and the environment.
public struct DocketConfiguration: Sendable {
    /// Passphrase for encrypted private keys (`DOCKET_KEY_PASSPHRASE`).
    public var keyPassphrase: String?
    /// bcrypt cost for new password hashes.
    public var passwordCost: UInt8
    public var time: any TimeSource
    public var identifiers: any IdentifierSource
    /// The office's time zone: calendar years (state numbering) and dates on notices use it.
    public var timeZone: TimeZone
    /// Who runs the command line, `user@host` of the operating system: recorded in every audit
    /// event the CLI writes, beside the Docket user it acts as. Nil in the server, where a
    /// bearer token says who asks.
    public var localOperator: String?

    public init(
        keyPassphrase: String? = nil, passwordCost: UInt8 = 12,
        time: any TimeSource = SystemTime(), identifiers: any IdentifierSource = RandomIdentifiers(),
        timeZone: TimeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt, localOperator: String? = nil
    ) {
        self.keyPassphrase = keyPassphrase
        self.passwordCost = passwordCost
        self.time = time
        self.identifiers = identifiers
        self.timeZone = timeZone
        self.localOperator = localOperator
    }
}

extension DocketConfiguration {
    /// Today in the office's time zone.
    public func today() -> CalendarDate { CalendarDate(time.now(), in: timeZone) }
}
