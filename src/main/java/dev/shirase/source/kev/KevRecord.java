package dev.shirase.source.kev;

/**
 * One object of the KEV catalogue's {@code vulnerabilities[]}, as written (strings unparsed, {@code ""} if absent).
 * Only the fields Shirase keeps are read; {@code shortDescription}, {@code notes}, {@code cwes} … are skipped.
 */
public record KevRecord(String cveId, String vendorProject, String product, String vulnerabilityName,
                        String dateAdded, String dueDate, String knownRansomwareCampaignUse, String requiredAction) {
}
