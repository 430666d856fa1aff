-- Store watermark for the search index: every write of an advisory row (new, updated, re-enriched) takes the next
-- value of this sequence, so "what changed after the index's last durable commit" is one indexed range query.
-- Rows written before this column existed keep 0: an index committed before it has watermark 0 and needs nothing.
CREATE SEQUENCE advisory_change_seq START WITH 1;
ALTER TABLE advisory ADD COLUMN change_seq BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX advisory_change_seq_idx ON advisory (change_seq);
