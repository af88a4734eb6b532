import GRDB

extension SQLiteStorage {
    /// The numbered schema migrations, in order, one file each in this folder.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(Migration0001Foundation.identifier, migrate: Migration0001Foundation.migrate)
        migrator.registerMigration(Migration0002BodiesAndSessions.identifier, migrate: Migration0002BodiesAndSessions.migrate)
        migrator.registerMigration(Migration0003SessionRecords.identifier, migrate: Migration0003SessionRecords.migrate)
        migrator.registerMigration(Migration0004TaskSupervision.identifier, migrate: Migration0004TaskSupervision.migrate)
        migrator.registerMigration(Migration0005BodyMembers.identifier, migrate: Migration0005BodyMembers.migrate)
        migrator.registerMigration(Migration0006CanonicalNames.identifier, migrate: Migration0006CanonicalNames.migrate)
        migrator.registerMigration(Migration0007WorkRecords.identifier, migrate: Migration0007WorkRecords.migrate)
        migrator.registerMigration(Migration0008RecordSearch.identifier, migrate: Migration0008RecordSearch.migrate)
        migrator.registerMigration(Migration0009Dossiers.identifier, migrate: Migration0009Dossiers.migrate)
        migrator.registerMigration(Migration0010TokenRevocation.identifier, migrate: Migration0010TokenRevocation.migrate)
        migrator.registerMigration(Migration0011AuthGeneration.identifier, migrate: Migration0011AuthGeneration.migrate)
        migrator.registerMigration(Migration0012AuditCheckpoints.identifier, migrate: Migration0012AuditCheckpoints.migrate)
        migrator.registerMigration(Migration0013AuditTree.identifier, migrate: Migration0013AuditTree.migrate)
        migrator.registerMigration(Migration0014SeriesStarts.identifier, migrate: Migration0014SeriesStarts.migrate)
        migrator.registerMigration(Migration0015BackEntries.identifier, migrate: Migration0015BackEntries.migrate)
        migrator.registerMigration(Migration0016SmallBlobs.identifier, migrate: Migration0016SmallBlobs.migrate)
        return migrator
    }
}
