import DocketCore
import DocketCrypto
import DocketPack
import DocketServices
import Foundation
import HTTPTypes
import Hummingbird

/// The auditor's pages: a document's signatures, an uploaded pack, and the audit log, each checked
/// as the CLI checks them. Verifying changes nothing.
extension WebController {
    struct VerifyView {
        struct Line {
            let ok: Bool
            let text: String
        }
        let page: Chrome
        let heading: String?
        let valid: Bool
        let lines: [Line]
    }

    private func verifyPage(_ context: DocketRequestContext, heading: String? = nil, valid: Bool = true, lines: [VerifyView.Line] = [])
        -> Response
    {
        pages.page("verify", VerifyView(page: Chrome("Xác minh", context: context), heading: heading, valid: valid, lines: lines))
    }

    @Sendable func verifyForms(_ request: Request, context: DocketRequestContext) async throws -> Response {
        _ = try context.user()
        guard let id = request.query("document") else { return verifyPage(context) }
        let verification = try await docket.documents.verify(id, as: context.user())
        var lines = [
            VerifyView.Line(
                ok: verification.contentIntact,
                text: verification.contentIntact ? "Nội dung nguyên vẹn (SHA-256 \(verification.document.sha256))" : verification.contentProblem ?? "Nội dung bị thay đổi")
        ]
        if verification.signatures.isEmpty { lines.append(.init(ok: false, text: "Văn bản chưa có chữ ký số")) }
        for signature in verification.signatures {
            let report = signature.report
            let when = report.signingTime.map { " lúc \(LocalTime.dateTime($0, in: zone))" } ?? ""
            lines.append(
                .init(
                    ok: report.isValid,
                    text: "Chữ ký \(signature.number): \(report.signerSubject)\(when)"
                        + (report.isValid ? " — hợp lệ" : " — không hợp lệ: \(report.contentProblem ?? report.chainProblem ?? "")")))
        }
        return verifyPage(context, heading: verification.document.title, valid: verification.isValid, lines: lines)
    }

    /// Checks an uploaded pack against the office's trusted roots, as `docket pack verify` does.
    @Sendable func verifyPack(_ request: Request, context: DocketRequestContext) async throws -> Response {
        _ = try context.user()
        guard let file = context.form?.files["pack"] else { throw DocketError.invalid("pack", "choose the pack (.zip) to check") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docket-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("pack.zip").path
        try file.data.write(to: URL(fileURLWithPath: path))
        let roots = docket.directory.keys.appendingPathComponent("root-ca.pem").path
        let report = try PackCheck.verify(packAt: path, caPath: roots)
        var lines = [
            VerifyView.Line(
                ok: report.signer != nil,
                text: "Người ký: \(report.signer ?? "không có chữ ký")"
                    + (report.signingTime.map { " lúc \(LocalTime.dateTime($0, in: zone))" } ?? ""))
        ]
        lines += report.files.map { VerifyView.Line(ok: $0.ok, text: "\($0.path) (\($0.size) byte)") }
        lines += report.problems.map { VerifyView.Line(ok: false, text: $0) }
        return verifyPage(context, heading: "Bộ tài liệu \(file.filename)", valid: report.valid, lines: lines)
    }

    @Sendable func verifyAudit(_ request: Request, context: DocketRequestContext) async throws -> Response {
        let verification = try await docket.auditLog.verify(as: context.user())
        let line =
            verification.isIntact
            ? VerifyView.Line(ok: true, text: "Nhật ký nguyên vẹn: \(verification.eventsChecked) sự kiện đã kiểm tra")
            : VerifyView.Line(
                ok: false,
                text: "Nhật ký bị thay đổi\(verification.firstBrokenSequence.map { " từ sự kiện \($0)" } ?? ""): \(verification.problem ?? "")")
        return verifyPage(context, heading: "Nhật ký kiểm toán", valid: verification.isIntact, lines: [line])
    }
}
