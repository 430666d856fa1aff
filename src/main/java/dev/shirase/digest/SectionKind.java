package dev.shirase.digest;

/** The sections of a digest, in the order they are shown. */
public enum SectionKind {
    /** 今週対応が必要なもの (該当). */
    AFFECTED,
    /** 要確認. */
    CHECK,
    /** 注意喚起・手口 (IPA / JPCERT alerts, JC3 fraud and phishing trends). */
    ALERTS,
    /** The closing summary: counts per source and source health (see {@link DigestSummary}). */
    SUMMARY
}
