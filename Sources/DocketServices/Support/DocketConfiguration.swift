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

    public init(
        keyPassphrase: String? = nil, passwordCost: UInt8 = 12,
        time: any TimeSource = SystemTime(), identifiers: any IdentifierSource = RandomIdentifiers(),
        timeZone: TimeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt
    ) {
        self.keyPassphrase = keyPassphrase
        self.passwordCost = passwordCost
        self.time = time
        self.identifiers = identifiers
        self.timeZone = timeZone
    }
}

extension DocketConfiguration {
    /// Today in the office's time zone.
    public func today() -> CalendarDate { CalendarDate(time.now(), in: timeZone) }
}
