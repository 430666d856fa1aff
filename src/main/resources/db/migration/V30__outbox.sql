-- Delivery outbox: one row per (message key, channel). The primary key is what makes a re-run,
-- a restart or a second instance unable to create (and so send) the same message twice.
CREATE TABLE outbox (
    message_key   VARCHAR(300)     NOT NULL,
    channel       VARCHAR(100)     NOT NULL,
    kind          VARCHAR(16)      NOT NULL,
    state         VARCHAR(16)      NOT NULL,   -- pending | sent | failed
    attempts      INTEGER          NOT NULL,
    parts_sent    INTEGER          NOT NULL,   -- leading Slack messages already accepted
    next_attempt  TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by    VARCHAR(100),                -- instance holding the send lease, if any
    claimed_until TIMESTAMP WITH TIME ZONE,
    last_error    VARCHAR(2000),
    payload       VARCHAR(1000000) NOT NULL,   -- the rendered message (JSON), exactly what is sent
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (message_key, channel)
);
CREATE INDEX outbox_due ON outbox (state, next_attempt);
