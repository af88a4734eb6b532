import DocketCore
import Foundation

/// The Vietnamese words people read for states, roles, attendance and processing, shared by the
/// signed records and the pages.
public enum VietnameseLabels {
    public static func state(_ state: SessionState) -> String {
        switch state {
        case .draft: "Dự thảo"
        case .scheduled: "Đã triệu tập"
        case .open: "Đang họp"
        case .closed: "Đã kết thúc"
        case .archived: "Đã lưu trữ"
        }
    }

    public static func role(_ role: ParticipantRole) -> String {
        switch role {
        case .chair: "Chủ trì"
        case .member: "Thành viên"
        case .secretary: "Thư ký"
        case .guest: "Khách mời"
        case .expert: "Chuyên gia"
        }
    }

    public static func attendance(_ participant: ParticipantView) -> String {
        switch participant.status {
        case .invited: "Chưa điểm danh"
        case .present: participant.leftAt != nil ? "Đã rời phiên họp" : participant.late ? "Có mặt (đến muộn)" : "Có mặt"
        case .absent: "Vắng mặt"
        case .represented: "Có người dự thay"
        }
    }

    /// A bridge point's name; the session's own room when it has none (`main` in reports).
    public static func bridgePoint(_ name: String?) -> String {
        name == nil || name == "main" ? "Điểm cầu chính" : name ?? ""
    }

    /// The quorum rule an attendance report states in words, in Vietnamese.
    public static func quorumRule(_ text: String) -> String {
        QuorumRule.allCases.first { $0.text == text }?.vietnamese ?? text
    }

    public static func task(_ status: TaskStatus) -> String {
        switch status {
        case .assigned: "Mới giao"
        case .inProgress: "Đang thực hiện"
        case .completed: "Đã hoàn thành"
        case .cancelled: "Đã hủy"
        }
    }

    public static func step(_ kind: ProcessingStepKind) -> String {
        switch kind {
        case .register: "Vào sổ"
        case .submit: "Trình lãnh đạo"
        case .direct: "Lãnh đạo cho ý kiến chỉ đạo"
        case .opinion: "Ý kiến tham gia"
        case .forward: "Chuyển xử lý"
        case .done: "Hoàn thành xử lý"
        case .return: "Trả lại"
        }
    }

    public static func processing(_ state: ProcessingState) -> String {
        switch state {
        case .registered: "Đã vào sổ"
        case .submitted: "Đã trình lãnh đạo"
        case .directed: "Đã có ý kiến chỉ đạo"
        case .handling: "Đang xử lý"
        case .done: "Đã xử lý xong"
        case .returned: "Bị trả lại"
        }
    }

    public static func dossier(_ state: Dossier.State) -> String {
        switch state {
        case .open: "Đang mở"
        case .closed: "Đã đóng"
        case .transferred: "Đã nộp lưu"
        case .disposed: "Đã hủy"
        }
    }

    /// The marks of Decree 30/2020 and the party's rules (Mật, Tối mật, Tuyệt mật).
    public static func classification(_ classification: Classification) -> String {
        switch classification {
        case .public: "Công khai"
        case .internal: "Nội bộ"
        case .confidential: "Mật"
        case .secret: "Tối mật"
        case .topSecret: "Tuyệt mật"
        }
    }

    public static func quorumBasis(_ basis: QuorumBasis) -> String {
        switch basis {
        case .bodyRoster: "theo danh sách thành viên"
        case .entitledParticipants: "theo người chủ trì và thành viên được mời"
        }
    }
}
