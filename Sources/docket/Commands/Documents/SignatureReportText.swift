import ArgumentParser
import DocketCore
import DocketCrypto
import Foundation

/// The text form of a signature report, shared by `verify` and `doc verify`.
enum SignatureReportText {
    static func print(_ report: SignatureReport, indent: String) {
        let lines = [
            ("signer", report.signerSubject), ("issuer", report.signerIssuer), ("serial", report.signerSerial),
            ("signing time", report.signingTime.map(Timestamp.string) ?? "not stated"),
            ("content", report.contentMatches ? "matches the signed digest" : "FAILS: \(report.contentProblem ?? "")"),
            ("chain", report.chainValid ? "valid to a trusted root" : "FAILS: \(report.chainProblem ?? "")"),
        ] + (report.timestamp.map { [("time-stamp", text($0))] } ?? []) + [
            ("result", report.isValid ? "VALID" : "INVALID"),
        ]
        for (label, value) in lines {
            Swift.print(indent + label.padding(toLength: 14, withPad: " ", startingAt: 0) + value)
        }
    }

    private static func text(_ stamp: TimestampToken.Report) -> String {
        let when = stamp.time.map(Timestamp.string) ?? "no time"
        let by = stamp.authority.map { " by \($0)" } ?? ""
        return stamp.valid ? "\(when)\(by)" : "FAILS: \(stamp.problem ?? "") (claims \(when)\(by))"
    }
}
