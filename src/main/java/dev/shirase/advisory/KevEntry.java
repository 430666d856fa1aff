package dev.shirase.advisory;

import java.time.LocalDate;

/** A CISA Known Exploited Vulnerabilities catalogue entry (enrichment, attached by CVE). */
public record KevEntry(String cve, String vendor, String product, String name, LocalDate dateAdded,
                       LocalDate dueDate, boolean knownRansomware, String requiredAction) {
}
