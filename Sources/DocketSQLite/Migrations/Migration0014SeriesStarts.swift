import GRDB

/// Schema migration `0014-series-starts`: where a series continues from numbers taken on paper
/// before Docket, at most one per series. Never edit a migration that has shipped; add the next.
enum Migration0014SeriesStarts {
    static let identifier = "0014-series-starts"

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE registerSeriesStart (
                    registerID TEXT NOT NULL REFERENCES register(id),
                    series TEXT NOT NULL,
                    nextNumber INTEGER NOT NULL CHECK (nextNumber >= 2),
                    reason TEXT NOT NULL,
                    startedBy TEXT NOT NULL REFERENCES user(id),
                    startedAt TEXT NOT NULL,
                    PRIMARY KEY (registerID, series)
                );
                CREATE TRIGGER registerSeriesStart_appendOnly_update BEFORE UPDATE ON registerSeriesStart
                BEGIN SELECT RAISE(ABORT, 'a series start is never changed'); END;
                CREATE TRIGGER registerSeriesStart_appendOnly_delete BEFORE DELETE ON registerSeriesStart
                BEGIN SELECT RAISE(ABORT, 'a series start is never deleted'); END;
                """)
    }
}
