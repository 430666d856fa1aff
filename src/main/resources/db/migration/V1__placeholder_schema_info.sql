-- Schema versions are split by stage: V1x store core, V2x matching, V3x delivery, V4x web.
CREATE TABLE shirase_info (k VARCHAR(64) PRIMARY KEY, v VARCHAR(1000) NOT NULL);
