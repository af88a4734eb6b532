import GRDB

/// Schema migration `0016-small-blobs`: content of at most 64 KiB is kept in the database, written
/// in the transaction that records its document, instead of a file of its own (an inode, two
/// fsyncs and a rename each). Larger content stays in `blobs/`. Never edit a migration that has
/// shipped; add the next.
enum Migration0016SmallBlobs {
    static let identifier = "0016-small-blobs"

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE smallBlob (
                    sha256 TEXT NOT NULL PRIMARY KEY,
                    content BLOB NOT NULL
                );
                """)
    }
}
