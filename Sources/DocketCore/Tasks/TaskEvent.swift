import Foundation

/// One entry of a task's history. `effectiveOn` is the day it took effect in the world (the
/// completion date, the day an extension was approved), which reports as of a date go by.
public struct TaskEvent: Sendable, Codable, Equatable {
    public var taskID: String
    /// Order of recording within the task.
    public var sequence: Int
    public var kind: TaskEventKind
    public var effectiveOn: CalendarDate
    public var status: TaskStatus?
    public var deadline: CalendarDate?
    public var percent: Int?
    /// A progress report's text, an extension's or cancellation's reason.
    public var text: String?
    /// Who approved an extension.
    public var approvedBy: String?
    /// Evidence of completion, documents attached to a progress report.
    public var documents: [String]
    public var recordedBy: String
    public var recordedAt: Date

    public init(
        taskID: String, sequence: Int, kind: TaskEventKind, effectiveOn: CalendarDate, status: TaskStatus? = nil,
        deadline: CalendarDate? = nil, percent: Int? = nil, text: String? = nil, approvedBy: String? = nil,
        documents: [String] = [], recordedBy: String, recordedAt: Date
    ) {
        self.taskID = taskID
        self.sequence = sequence
        self.kind = kind
        self.effectiveOn = effectiveOn
        self.status = status
        self.deadline = deadline
        self.percent = percent
        self.text = text
        self.approvedBy = approvedBy
        self.documents = documents
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
