-- Listener publications: one row per (stored event, listener) while the listener has not returned,
-- written in the event's own transaction. A listener that returns deletes its row; one that throws
-- leaves it with the attempt count and the last error, due again after a back-off, or PARKED once it
-- has used its attempts. The lease columns let several instances share the table: a row is run only
-- by the instance that holds an unexpired lease on it, and version fences a holder whose lease was
-- taken over. Named for Flyway; also applied by JdbcSchema.create(dataSource). IF NOT EXISTS keeps
-- it harmless on a database whose tables JdbcSchema already created.
CREATE TABLE IF NOT EXISTS calendly_publication (
    id UUID PRIMARY KEY,
    event_key VARCHAR(1024) NOT NULL,
    listener_id VARCHAR(255) NOT NULL,
    state VARCHAR(16) NOT NULL,
    attempts INT NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner VARCHAR(255),
    lease_until TIMESTAMP WITH TIME ZONE,
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error_type VARCHAR(255),
    last_error_message VARCHAR(1024),
    CONSTRAINT calendly_publication_unique UNIQUE (event_key, listener_id)
);
CREATE INDEX IF NOT EXISTS calendly_publication_due ON calendly_publication (state, next_attempt_at);
