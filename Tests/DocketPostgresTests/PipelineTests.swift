import Testing

@testable import DocketPostgres

/// How a write transaction puts held writes and a read into one statement.
@Suite struct PipelineTests {
    @Test func heldWritesGoFirstAsWithClausesAndTheirParametersAreRenumbered() {
        let writes = [
            HeldWrite(
                sql: "INSERT INTO participant (sessionID, userID) VALUES ($1, $2)", binds: [.text("s"), .text("u")],
                tables: ["participant"], refusal: nil),
            HeldWrite(
                sql: "INSERT INTO auditEvent (sequence, details) VALUES ($1, $2)", binds: [.int(7), .json("{}")],
                tables: ["auditevent"], refusal: nil),
        ]
        let read = (sql: "SELECT * FROM bridgePoint WHERE sessionID = $1 AND name <> '$$' ORDER BY $1", binds: [SQLValue.text("s")])
        let combined = HeldWrite.statement(writes, then: read)
        #expect(
            combined.sql
                == "WITH w0 AS (INSERT INTO participant (sessionID, userID) VALUES ($1, $2)), "
                + "w1 AS (INSERT INTO auditEvent (sequence, details) VALUES ($3, $4)) "
                + "SELECT * FROM bridgePoint WHERE sessionID = $5 AND name <> '$$' ORDER BY $5")
        #expect(combined.binds == [.text("s"), .text("u"), .int(7), .json("{}"), .text("s")])
        // One write and nothing after it is sent as it is.
        #expect(HeldWrite.statement([writes[1]]).sql == writes[1].sql)
        // Two digits stay one parameter.
        let many = HeldWrite(sql: "SELECT $10, $1", binds: [], tables: [], refusal: nil)
        #expect(HeldWrite.statement([writes[0], many]).sql.hasSuffix("w1 AS (SELECT $12, $3) SELECT 1"))
    }

    @Test func aStatementNamesTheTablesItTouchesAndThoseItsTriggersChange() {
        #expect(Tables.named(in: "SELECT * FROM registerEntry WHERE senderKey = $1") == ["registerentry"])
        #expect(Tables.named(in: "SELECT * FROM participant WHERE sessionID = $1 AND userID = $2") == ["participant"])
        #expect(Tables.named(in: "UPDATE \"user\" SET disabled = $1 WHERE id = $2") == ["user", "authgeneration"])
        #expect(Tables.named(in: "SELECT 1") == [])
    }

    @Test func aReadGoesWithHeldWritesOnlyWhenTheyChangeOtherTablesOrOtherRowsItNames() {
        var pipeline = Pipeline()
        pipeline.held = [
            HeldWrite(
                sql: "INSERT INTO participant …", binds: [], tables: ["participant"], row: HeldWrite.row(["s1", "u1"]), refusal: nil),
            HeldWrite(sql: "INSERT INTO auditEvent …", binds: [], tables: ["auditevent"], refusal: nil),
        ]
        #expect(pipeline.heldAvoid(["bridgepoint"]))
        #expect(pipeline.heldAvoid(["participant"], row: HeldWrite.row(["s1", "u2"])))
        #expect(!pipeline.heldAvoid(["participant"], row: HeldWrite.row(["s1", "u1"])))
        #expect(!pipeline.heldAvoid(["participant"]), "a read that names no row may read the one held")
        #expect(!pipeline.heldAvoid(["auditevent"], row: HeldWrite.row([7])), "a write that names no row may change any")
    }

    @Test func insertsShareAStatementWithInsertsIntoTheirTableButNotWithAnUpsertOrUpdate() {
        func write(_ sql: String) -> HeldWrite { HeldWrite(sql: sql, binds: [], tables: Tables.named(in: sql), refusal: nil) }
        let event = write("INSERT INTO auditEvent (sequence, hash) VALUES ($1, $2)")
        #expect(!event.clashes(with: write("INSERT INTO auditEvent (sequence, hash) VALUES ($1, $2)")))
        #expect(!event.clashes(with: write("INSERT INTO participant (sessionID, userID) VALUES ($1, $2)")))
        #expect(write("INSERT INTO smallBlob (sha256, content) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING")
            .clashes(with: write("INSERT INTO smallBlob (sha256, content) VALUES ($1, $2)")))
        #expect(write("UPDATE processingHandler SET current = false WHERE entryID = $1")
            .clashes(with: write("INSERT INTO processingHandler (entryID, userID, current) VALUES ($1, $2, $3)")))
        #expect(write("UPDATE \"user\" SET disabled = $1 WHERE id = $2").clashes(with: write("UPDATE authGeneration SET value = 2")))
        // Upserts of two rows they name meet nowhere; of one row, they do.
        let upsert = "INSERT INTO participant (sessionID, userID) VALUES ($1, $2) ON CONFLICT (sessionID, userID) DO UPDATE SET role = $3"
        func row(_ user: String) -> HeldWrite {
            HeldWrite(sql: upsert, binds: [], tables: ["participant"], row: HeldWrite.row(["s", user]), refusal: nil)
        }
        #expect(!row("u1").clashes(with: row("u2")))
        #expect(row("u1").clashes(with: row("u1")))
    }
}
