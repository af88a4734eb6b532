import DocketCore
import Foundation

/// The Vietnamese words people read for sessions' states, roles and attendance, shared by the
/// signed attendance record and the pages.
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

    public static func quorumBasis(_ basis: QuorumBasis) -> String {
        switch basis {
        case .bodyRoster: "theo danh sách thành viên"
        case .entitledParticipants: "theo người chủ trì và thành viên được mời"
        }
    }
}
