package dev.shirase.source.kev;

import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierExtractor;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.advisory.KevEntry;
import dev.shirase.advisory.PlainText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Turns a {@link KevRecord} into the canonical {@link KevEntry}, or empty when a required field is unusable. */
final class KevEntryAdapter {

    private KevEntryAdapter() {
    }

    /**
     * Requires a CVE id, {@code dateAdded} and {@code dueDate} (both {@code yyyy-MM-dd}); a KevEntry has no
     * "unknown" date, and inventing one would mislead the due-date column. {@code knownRansomwareCampaignUse} is
     * true only for "Known" (the other published value is "Unknown").
     */
    static Optional<KevEntry> toEntry(KevRecord r) {
        Optional<Identifier> cve = IdentifierExtractor.parse(r.cveId()).filter(i -> i.type() == IdentifierType.CVE);
        Optional<LocalDate> added = date(r.dateAdded());
        Optional<LocalDate> due = date(r.dueDate());
        if (cve.isEmpty() || added.isEmpty() || due.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KevEntry(cve.get().value(), PlainText.of(r.vendorProject()), PlainText.of(r.product()),
                PlainText.of(r.vulnerabilityName()), added.get(), due.get(),
                "known".equalsIgnoreCase(r.knownRansomwareCampaignUse().trim()), PlainText.of(r.requiredAction())));
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
