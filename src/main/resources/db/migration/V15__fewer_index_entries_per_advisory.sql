-- A bulk load writes every advisory with its identifier rows; each B-tree entry costs a write and a commit step, and
-- they were 11 per advisory (the store's largest cost in `bench ingest`). Now 7:
--  * the change number becomes the advisory table's primary key, so the rows are kept in change order and the
--    watermark range query needs no index of its own (H2 keys a table by a single BIGINT primary key);
--  * advisory_identifier is keyed (id_value, advisory_id) with no second index: lookups by identifier use the key,
--    and an advisory's own identifier values are a column of its row (link_values, space-separated) instead.

-- Rows written before V13 all had change number 0; a primary key needs them distinct. (An index committed before
-- V13 has watermark 0, so it re-indexes them once, which changes nothing in it.)
UPDATE advisory SET change_seq = nextval('advisory_change_seq') WHERE change_seq = 0;

CREATE TABLE advisory_v15 (
    change_seq    BIGINT           NOT NULL PRIMARY KEY,
    id            VARCHAR(500)     NOT NULL UNIQUE,
    source        VARCHAR(100)     NOT NULL,
    url           VARCHAR(4000)    NOT NULL,
    title         VARCHAR(4000)    NOT NULL,
    published     TIMESTAMP WITH TIME ZONE NOT NULL,
    modified      TIMESTAMP WITH TIME ZONE NOT NULL,
    category      VARCHAR(32)      NOT NULL,
    severity      VARCHAR(16)      NOT NULL,
    cvss_score    DOUBLE PRECISION,
    content_hash  VARCHAR(64)      NOT NULL,
    revision      INTEGER          NOT NULL,
    first_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_changed  TIMESTAMP WITH TIME ZONE NOT NULL,
    body_json     VARCHAR(1000000) NOT NULL,
    link_values   VARCHAR(1000000) NOT NULL
);
INSERT INTO advisory_v15 (change_seq, id, source, url, title, published, modified, category, severity, cvss_score,
                          content_hash, revision, first_seen, last_changed, body_json, link_values)
SELECT a.change_seq, a.id, a.source, a.url, a.title, a.published, a.modified, a.category, a.severity, a.cvss_score,
       a.content_hash, a.revision, a.first_seen, a.last_changed, a.body_json,
       COALESCE((SELECT STRING_AGG(i.id_value, ' ' ORDER BY i.id_value) FROM advisory_identifier i
                 WHERE i.advisory_id = a.id), '')
FROM advisory a;
DROP TABLE advisory;
ALTER TABLE advisory_v15 RENAME TO advisory;
CREATE INDEX advisory_source ON advisory (source);
CREATE INDEX advisory_published ON advisory (published);

CREATE TABLE advisory_identifier_v15 (
    id_value    VARCHAR(200) NOT NULL,
    advisory_id VARCHAR(500) NOT NULL,
    id_type     VARCHAR(16)  NOT NULL,
    PRIMARY KEY (id_value, advisory_id)
);
INSERT INTO advisory_identifier_v15 (id_value, advisory_id, id_type)
SELECT id_value, advisory_id, id_type FROM advisory_identifier;
DROP TABLE advisory_identifier;
ALTER TABLE advisory_identifier_v15 RENAME TO advisory_identifier;
