-- Per-source fetch state: conditional GET validators, health, backoff and gap warnings.
CREATE TABLE source_state (
    source_id            VARCHAR(100)  NOT NULL PRIMARY KEY,
    last_attempt         TIMESTAMP WITH TIME ZONE,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_error           VARCHAR(4000),
    etag                 VARCHAR(1000),
    last_modified        VARCHAR(200),
    item_count           INTEGER       NOT NULL,
    consecutive_failures INTEGER       NOT NULL,
    next_attempt         TIMESTAMP WITH TIME ZONE,
    gap_warning          VARCHAR(4000)
);
