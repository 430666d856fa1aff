package dev.shirase.advisory;

/** One CVSS rating as published: version ("2.0", "3.0", "3.1", "4.0"), base score, severity, vector ("" if none). */
public record Cvss(String version, double score, Severity severity, String vector) {
    public Cvss {
        version = version == null ? "" : version;
        severity = severity == null || severity == Severity.UNKNOWN ? Severity.fromScore(score) : severity;
        vector = vector == null ? "" : vector;
    }
}
