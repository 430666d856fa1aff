package dev.shirase.source.kev;

import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierExtractor;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.advisory.KevEntry;
import dev.shirase.advisory.PlainText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns a {@link KevRecord} into the canonical {@link KevEntry}, or empty when a required field is unusable. */
final class KevEntryAdapter {

    /** KEV writes canonical ids; only other spellings pay for the general extractor. */
    private static final Pattern CANONICAL_CVE = Pattern.compile("CVE-\\d{4}-\\d{4,7}");

    private KevEntryAdapter() {
    }

    /**
     * Requires a CVE id, {@code dateAdded} and {@code dueDate} (both {@code yyyy-MM-dd}); a KevEntry has no
     * "unknown" date, and inventing one would mislead the due-date column. {@code knownRansomwareCampaignUse} is
     * true only for "Known" (the other published value is "Unknown").
     */
    static Optional<KevEntry> toEntry(KevRecord r) {
        Optional<String> cve = CANONICAL_CVE.matcher(r.cveId()).matches() ? Optional.of(r.cveId())
                : IdentifierExtractor.parse(r.cveId()).filter(i -> i.type() == IdentifierType.CVE).map(Identifier::value);
        Optional<LocalDate> added = date(r.dateAdded());
        Optional<LocalDate> due = date(r.dueDate());
        if (cve.isEmpty() || added.isEmpty() || due.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KevEntry(cve.get(), text(r.vendorProject()), text(r.product()),
                text(r.vulnerabilityName()), added.get(), due.get(),
                "known".equalsIgnoreCase(r.knownRansomwareCampaignUse().trim()), text(r.requiredAction())));
    }

    /**
     * {@link PlainText#of}, skipped for text it would only trim: KEV text is plain, and 4 calls × 1,400 entries of
     * the full HTML-aware cleaning cost hundreds of milliseconds on a busy machine.
     */
    static String text(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '&' || c == '<' || c == '\u00a0' || c < ' ' || (c == ' ' && i > 0 && raw.charAt(i - 1) == ' ')) {
                return PlainText.of(raw);
            }
        }
        return raw.trim();
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
