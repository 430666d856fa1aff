package dev.shirase.advisory;

import java.time.LocalDate;

/** A FIRST EPSS score for one CVE on one day (enrichment, attached by CVE). */
public record EpssScore(String cve, double score, double percentile, LocalDate scoreDate) {
}
