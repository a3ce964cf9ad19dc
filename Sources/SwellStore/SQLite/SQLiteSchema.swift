import GRDB

/// The SQLite schema, as append-only migrations. Never edit a shipped migration: add a new one.
/// Instants are integer milliseconds since 1970 (UTC), the same as in PostgreSQL.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: complaints, events, tokens, checkpoints") { db in
            try db.execute(sql: """
                CREATE TABLE complaint (
                    id INTEGER PRIMARY KEY,
                    externalId TEXT NOT NULL UNIQUE,
                    receivedAt INTEGER NOT NULL,
                    channel TEXT NOT NULL,
                    text TEXT NOT NULL,
                    complainantName TEXT,
                    complainantPhone TEXT,
                    complainantEmail TEXT,
                    product TEXT,
                    departure TEXT,
                    supplier TEXT,
                    demand TEXT,
                    clusterId INTEGER,
                    storedAt INTEGER NOT NULL
                );
                CREATE INDEX complaint_received ON complaint(receivedAt DESC, id DESC);
                CREATE INDEX complaint_product ON complaint(product, receivedAt DESC);
                CREATE INDEX complaint_departure ON complaint(departure, receivedAt DESC);
                CREATE INDEX complaint_cluster ON complaint(clusterId, receivedAt DESC);

                CREATE TABLE event (
                    seq INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    complaintId INTEGER,
                    clusterId INTEGER,
                    incidentId INTEGER,
                    payload TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE INDEX event_complaint ON event(complaintId);

                CREATE TABLE access_token (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    tokenHash TEXT NOT NULL UNIQUE,
                    createdAt INTEGER NOT NULL,
                    revokedAt INTEGER
                );
                CREATE UNIQUE INDEX access_token_live_name ON access_token(name) WHERE revokedAt IS NULL;

                CREATE TABLE follower_checkpoint (
                    follower TEXT PRIMARY KEY,
                    seq INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: clusters, warnings, separations") { db in
            try db.execute(sql: """
                CREATE TABLE cluster (
                    id INTEGER PRIMARY KEY,
                    mergedInto INTEGER,
                    lastAt INTEGER NOT NULL,
                    level TEXT,
                    snapshot TEXT NOT NULL
                );
                CREATE INDEX cluster_recent ON cluster(lastAt DESC);

                CREATE TABLE warning (
                    id INTEGER PRIMARY KEY,
                    clusterId INTEGER NOT NULL,
                    raisedAt INTEGER NOT NULL,
                    record TEXT NOT NULL
                );
                CREATE INDEX warning_cluster ON warning(clusterId, id DESC);

                CREATE TABLE cluster_separation (
                    low INTEGER NOT NULL,
                    high INTEGER NOT NULL,
                    PRIMARY KEY (low, high)
                );
                """)
        }
        migrator.registerMigration("v3: incidents and their items") { db in
            try db.execute(sql: """
                CREATE TABLE incident (
                    id INTEGER PRIMARY KEY,
                    clusterId INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    openedAt INTEGER NOT NULL,
                    record TEXT NOT NULL
                );
                CREATE UNIQUE INDEX incident_active_cluster ON incident(clusterId) WHERE state <> 'closed';

                CREATE TABLE incident_item (
                    id INTEGER PRIMARY KEY,
                    incidentId INTEGER NOT NULL REFERENCES incident(id),
                    kind TEXT NOT NULL,
                    itemKey TEXT,
                    at INTEGER NOT NULL,
                    record TEXT NOT NULL,
                    UNIQUE (incidentId, kind, itemKey)
                );
                CREATE INDEX incident_item_kind ON incident_item(incidentId, kind, at);
                """)
        }
        migrator.registerMigration("v4: warning handling") { db in
            // Every warning stored before this migration is open: nobody could act on one yet.
            try db.execute(sql: """
                ALTER TABLE warning ADD COLUMN state TEXT NOT NULL DEFAULT 'open'
                    CHECK (state IN ('open', 'acknowledged', 'dismissed', 'incident'));
                ALTER TABLE warning ADD COLUMN handling TEXT;
                CREATE INDEX warning_state ON warning(state, id DESC);
                """)
        }
        migrator.registerMigration("v5: notification channels and deliveries") { db in
            try db.execute(sql: """
                CREATE TABLE notification_channel (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    deletedAt INTEGER,
                    record TEXT NOT NULL
                );
                CREATE UNIQUE INDEX notification_channel_live_name ON notification_channel(name) WHERE deletedAt IS NULL;

                CREATE TABLE delivery (
                    id INTEGER PRIMARY KEY,
                    eventSeq INTEGER NOT NULL,
                    channelId INTEGER NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'dead')),
                    nextAttemptAt INTEGER,
                    record TEXT NOT NULL,
                    UNIQUE (eventSeq, channelId)
                );
                CREATE INDEX delivery_due ON delivery(state, nextAttemptAt);
                CREATE INDEX delivery_channel ON delivery(channelId, id DESC);
                """)
        }
        migrator.registerMigration("v6: idempotency keys") { db in
            try db.execute(sql: """
                CREATE TABLE idempotency_key (
                    scope TEXT PRIMARY KEY,
                    fingerprint TEXT NOT NULL,
                    status INTEGER NOT NULL,
                    contentType TEXT,
                    body TEXT NOT NULL,
                    createdAt INTEGER NOT NULL
                );
                CREATE INDEX idempotency_key_age ON idempotency_key(createdAt);
                """)
        }
        migrator.registerMigration("v7: complaint cases") { db in
            // One row per complaint that anything happened to; a complaint without one is `received`.
            try db.execute(sql: """
                CREATE TABLE complaint_case (
                    complaintId INTEGER PRIMARY KEY,
                    state TEXT NOT NULL,
                    assignee TEXT,
                    version INTEGER NOT NULL,
                    updatedAt INTEGER NOT NULL,
                    record TEXT NOT NULL
                );
                CREATE INDEX complaint_case_assignee ON complaint_case(assignee) WHERE assignee IS NOT NULL;
                """)
        }
        migrator.registerMigration("v8: complaint search") { db in
            // The folded text of every complaint (SearchFolding), keyed by complaint id, in an FTS5 trigram index:
            // substring search in any script without a word segmenter. Complaints already stored are indexed here.
            try db.execute(sql: "CREATE VIRTUAL TABLE complaint_search USING fts5(body, tokenize = 'trigram')")
            try SQLiteSearchIndex.indexAll(db)
        }
        migrator.registerMigration("v9: mentions") { db in
            // Public mentions (news, posts). `record` holds what was received (MentionContent); what the detector
            // and people decide later (story, link, a corrected tone) has columns of its own, so each is updated
            // alone and none overwrites another.
            try db.execute(sql: """
                CREATE TABLE mention (
                    id INTEGER PRIMARY KEY,
                    url TEXT NOT NULL UNIQUE,
                    source TEXT NOT NULL,
                    publishedAt INTEGER NOT NULL,
                    storedAt INTEGER NOT NULL,
                    tone TEXT NOT NULL,
                    toneScore REAL NOT NULL,
                    toneCorrectedBy TEXT,
                    storyId INTEGER,
                    clusterId INTEGER,
                    matchScore REAL,
                    matchReasons TEXT,
                    linkDecidedBy TEXT,
                    record TEXT NOT NULL
                );
                CREATE INDEX mention_published ON mention(publishedAt, id);
                CREATE INDEX mention_cluster ON mention(clusterId, publishedAt) WHERE clusterId IS NOT NULL;
                CREATE INDEX mention_story ON mention(storyId) WHERE storyId IS NOT NULL;
                """)
        }
        migrator.registerMigration("v10: mention feeds") { db in
            try db.execute(sql: """
                CREATE TABLE mention_feed (
                    id INTEGER PRIMARY KEY,
                    deletedAt INTEGER,
                    record TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v11: personal data retention") { db in
            // When a complaint's personal data was erased (retention); NULL while it is kept.
            try db.execute(sql: """
                ALTER TABLE complaint ADD COLUMN personalDataErasedAt INTEGER;
                CREATE INDEX complaint_retained ON complaint(receivedAt) WHERE personalDataErasedAt IS NULL;
                """)
        }
        migrator.registerMigration("v12: playbook versions") { db in
            try db.execute(sql: """
                CREATE TABLE playbook_version (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    version TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    content TEXT NOT NULL,
                    firstLoadedAt INTEGER NOT NULL,
                    UNIQUE (name, version)
                );
                """)
        }
        return migrator
    }
}
