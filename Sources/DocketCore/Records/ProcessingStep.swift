import Foundation

/// One step of an incoming document's processing, with who and when. Steps are only ever added.
public struct ProcessingStep: Sendable, Codable, Equatable {
    public var entryID: String
    public var sequence: Int
    public var kind: ProcessingStepKind
    public var actorID: String
    public var at: Date
    public var text: String?
    /// The lead handler from this step on (direct, forward).
    public var handlerID: String?
    public var coordinatingIDs: [String]
    /// The processing deadline from this step on.
    public var deadline: CalendarDate?
    /// The outgoing entry that answers the document (done).
    public var answerID: String?
    /// The supervised task the direction created.
    public var taskID: String?

    public init(
        entryID: String, sequence: Int, kind: ProcessingStepKind, actorID: String, at: Date, text: String? = nil,
        handlerID: String? = nil, coordinatingIDs: [String] = [], deadline: CalendarDate? = nil, answerID: String? = nil,
        taskID: String? = nil
    ) {
        self.entryID = entryID
        self.sequence = sequence
        self.kind = kind
        self.actorID = actorID
        self.at = at
        self.text = text
        self.handlerID = handlerID
        self.coordinatingIDs = coordinatingIDs
        self.deadline = deadline
        self.answerID = answerID
        self.taskID = taskID
    }
}
