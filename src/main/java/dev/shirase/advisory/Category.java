package dev.shirase.advisory;

/** What kind of publication an advisory is; drives digest sections. */
public enum Category {
    /** A vulnerability entry (JVN, JVN iPedia, vendor PSIRT). */
    VULNERABILITY,
    /** A government or CERT alert (IPA 緊急対策情報・注意喚起, JPCERT 注意喚起, MyJVN 注意警戒, icat). */
    ALERT,
    /** Fraud / phishing / attack-method trend aimed at all staff (JC3). */
    FRAUD_TREND,
    /** One item of JPCERT/CC's Weekly Report. */
    WEEKLY_REPORT
}
