-- H2 writes every page a commit changed, whole, at the end of its file. An index keyed by Calendly's URIs
-- (long texts ending in random UUIDs) puts each new key on a page of its own, so the event table's unique
-- key and the invitee table's primary key made each commit write several times the deliveries' bodies.
-- Both tables are keyed by the SHA-256 digest of their text instead, 32 bytes in place of about 100,
-- which cuts what a commit writes by a third. The digests are generated columns: H2 fills them for new
-- rows and for the rows this script finds (HASH hashes the text's UTF-8 bytes); the texts stay as they
-- were. A run stopped part-way can run again. H2 only: PostgreSQL logs only the rows a commit changed.
-- Also applied by JdbcSchema.create(dataSource).
ALTER TABLE calendly_event ADD COLUMN IF NOT EXISTS key_digest BINARY(32)
    GENERATED ALWAYS AS (HASH('SHA-256', event_key)) NOT NULL;
ALTER TABLE calendly_event ADD CONSTRAINT IF NOT EXISTS calendly_event_key_digest_unique UNIQUE (key_digest);
ALTER TABLE calendly_event DROP CONSTRAINT IF EXISTS calendly_event_key_unique;

ALTER TABLE calendly_invitee ADD COLUMN IF NOT EXISTS uri_digest BINARY(32)
    GENERATED ALWAYS AS (HASH('SHA-256', uri)) NOT NULL;
ALTER TABLE calendly_invitee ALTER COLUMN uri SET NOT NULL;
ALTER TABLE calendly_invitee DROP PRIMARY KEY;
ALTER TABLE calendly_invitee ADD CONSTRAINT calendly_invitee_uri_digest PRIMARY KEY (uri_digest);
