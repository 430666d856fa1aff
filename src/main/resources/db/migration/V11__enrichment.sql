-- Enrichment by CVE: CISA KEV catalogue and FIRST EPSS scores.
CREATE TABLE kev_entry (
    cve               VARCHAR(40)   NOT NULL PRIMARY KEY,
    vendor            VARCHAR(1000) NOT NULL,
    product           VARCHAR(1000) NOT NULL,
    name              VARCHAR(2000) NOT NULL,
    date_added        DATE,
    due_date          DATE,
    known_ransomware  BOOLEAN       NOT NULL,
    required_action   VARCHAR(4000) NOT NULL
);

CREATE TABLE epss_score (
    cve         VARCHAR(40)      NOT NULL PRIMARY KEY,
    score       DOUBLE PRECISION NOT NULL,
    percentile  DOUBLE PRECISION NOT NULL,
    score_date  DATE
);
