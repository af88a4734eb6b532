/// Which entries of a register to list.
public struct RegisterEntryFilter: Sendable, Equatable {
    public var registerID: String
    public var year: Int?
    public var series: String?
    /// Only entries up to this classification.
    public var maximumClassification: Classification
    /// Only entries this user handles (lead or coordinating); nil for readers of all records.
    public var handledBy: String?

    public init(
        registerID: String, year: Int? = nil, series: String? = nil, maximumClassification: Classification = .topSecret,
        handledBy: String? = nil
    ) {
        self.registerID = registerID
        self.year = year
        self.series = series
        self.maximumClassification = maximumClassification
        self.handledBy = handledBy
    }
}
