package dev.shirase.digest;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Cvss;
import dev.shirase.advisory.EpssScore;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One threat: the advisories that describe it, linked through shared identifiers (a JVNDB entry, its CVE, the
 * JVNVU page and a JPCERT alert naming that CVE). Its {@link #id()} is stable as long as the lowest CVE stays the
 * same: the lowest CVE when there is one, else the lowest advisory id.
 */
public record Threat(String id, List<Advisory> advisories) {

    public Threat {
        advisories = advisories.stream().sorted(Comparator.comparing(Advisory::id)).toList();
        if (advisories.isEmpty()) {
            throw new IllegalArgumentException("a threat needs at least one advisory");
        }
    }

    /** Builds the threat of a group of advisories, deriving its id. */
    public static Threat of(List<Advisory> group) {
        Optional<String> cve = group.stream().flatMap(a -> a.identifiers().stream())
                .filter(i -> i.type() == IdentifierType.CVE).map(Identifier::value).min(Comparator.naturalOrder());
        String id = cve.orElseGet(() -> group.stream().map(Advisory::id).min(Comparator.naturalOrder()).orElseThrow());
        return new Threat(id, group);
    }

    /** The advisory ids, then the CVEs not already among them; sorted for a stable display. */
    public List<String> ids() {
        Set<String> out = new LinkedHashSet<>();
        advisories.forEach(a -> out.add(a.id()));
        advisories.stream().flatMap(a -> a.identifiers().stream()).filter(i -> i.type() == IdentifierType.CVE)
                .map(Identifier::value).sorted().forEach(out::add);
        return new ArrayList<>(out);
    }

    /** Listed in CISA KEV (exploited in the wild). */
    public boolean kev() {
        return advisories.stream().anyMatch(a -> a.kev().isPresent());
    }

    /** Named by an IPA or JPCERT/CC alert (注意喚起 / 緊急対策情報). */
    public boolean japaneseAlert() {
        return advisories.stream().anyMatch(Threat::isJapaneseAlert);
    }

    /** Whether {@code a} is an IPA or JPCERT/CC alert (by source id or by its page's host). */
    public static boolean isJapaneseAlert(Advisory a) {
        if (a.category() != Category.ALERT) {
            return false;
        }
        String source = a.source().toLowerCase(Locale.ROOT);
        String url = a.url().toLowerCase(Locale.ROOT);
        return source.startsWith("ipa") || source.startsWith("jpcert")
                || url.contains("ipa.go.jp/") || url.contains("jpcert.or.jp/");
    }

    public Optional<Double> cvss() {
        return advisories.stream().map(Advisory::topCvss).flatMap(Optional::stream).map(Cvss::score)
                .max(Double::compare);
    }

    public Optional<Double> epss() {
        return advisories.stream().map(Advisory::epss).flatMap(Optional::stream).map(EpssScore::score)
                .max(Double::compare);
    }

    /** The newest publication date of any of its advisories. */
    public OffsetDateTime published() {
        return advisories.stream().map(Advisory::published).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** Whether any advisory is an alert or a fraud/phishing trend (the 注意喚起・手口 section). */
    public boolean awareness() {
        return advisories.stream().anyMatch(a -> a.category() == Category.ALERT || a.category() == Category.FRAUD_TREND);
    }
}
