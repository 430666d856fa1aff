-- Store core: the advisory archive (system of record). body_json holds the full parsed advisory so that it
-- round-trips exactly (offsets included); the other columns are denormalised copies for querying.
CREATE TABLE advisory (
    id            VARCHAR(500)     NOT NULL PRIMARY KEY,
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
    body_json     VARCHAR(1000000) NOT NULL
);
CREATE INDEX advisory_source ON advisory (source);
CREATE INDEX advisory_published ON advisory (published);
CREATE INDEX advisory_last_changed ON advisory (last_changed);

-- Identifiers carried by an advisory (plus its own id when that is an identifier), for correlation.
CREATE TABLE advisory_identifier (
    advisory_id VARCHAR(500) NOT NULL,
    id_type     VARCHAR(16)  NOT NULL,
    id_value    VARCHAR(200) NOT NULL,
    PRIMARY KEY (advisory_id, id_value)
);
CREATE INDEX advisory_identifier_value ON advisory_identifier (id_value);

-- Affected products as written, with CPE vendor/product split out (lower case) for matching lookups.
CREATE TABLE advisory_product (
    advisory_id  VARCHAR(500)  NOT NULL,
    seq          INTEGER       NOT NULL,
    cpe          VARCHAR(1000),
    cpe_vendor   VARCHAR(200),
    cpe_product  VARCHAR(200),
    vendor       VARCHAR(1000) NOT NULL,
    product      VARCHAR(1000) NOT NULL,
    version_text VARCHAR(4000),
    PRIMARY KEY (advisory_id, seq)
);
CREATE INDEX advisory_product_cpe ON advisory_product (cpe_vendor, cpe_product);

-- Change history: one row per superseded revision (the current revision is the advisory row itself).
CREATE TABLE advisory_revision (
    advisory_id  VARCHAR(500) NOT NULL,
    revision     INTEGER      NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    content_hash VARCHAR(64)  NOT NULL,
    PRIMARY KEY (advisory_id, revision)
);
