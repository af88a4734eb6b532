import GRDB

/// Schema migration `0010-token-revocation`: a token can be revoked on its own, without disabling
/// its user. Never edit a migration that has shipped; add the next.
enum Migration0010TokenRevocation {
    static let identifier = "0010-token-revocation"

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE accessToken ADD COLUMN revokedAt TEXT;
                ALTER TABLE accessToken ADD COLUMN revokedBy TEXT;
                -- A revoked token stays revoked.
                CREATE TRIGGER accessToken_revocation_stays BEFORE UPDATE OF revokedAt ON accessToken
                WHEN OLD.revokedAt IS NOT NULL
                BEGIN SELECT RAISE(ABORT, 'a revoked token is never restored'); END;
                """)
    }
}
