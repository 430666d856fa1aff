package dev.shirase.source.jc3;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierExtractor;
import dev.shirase.advisory.PlainText;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a {@link Jc3Article} into a FRAUD_TREND {@link Advisory} with id {@code JC3-article-NNN}. */
final class Jc3AdvisoryAdapter {

    /** Links are resolved against the site root, whatever mirror or test server served the page. */
    static final URI BASE = URI.create("https://www.jc3.or.jp/");

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Pattern THREAT_PATH = Pattern.compile("/threats/topics/article-(\\d+)\\.html");
    /** {@code 2024.1.2}; the 2024/1/2, 2024-01-02 and 2024年1月2日 spellings are accepted too. */
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[./\\-年]\\s*(\\d{1,2})\\s*[./\\-月]\\s*(\\d{1,2})\\s*日?");

    /** A resolved threat-article link: its https URL and its article number. */
    record ThreatLink(String url, String number) {
    }

    private Jc3AdvisoryAdapter() {
    }

    /**
     * The article's absolute https URL if it is a JC3 threat article ({@code /threats/topics/article-NNN.html});
     * empty for script links, notices, external sites and anything unresolvable.
     */
    static Optional<ThreatLink> threatLink(String href) {
        URI resolved;
        try {
            resolved = BASE.resolve(href.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
        String host = resolved.getHost() == null ? "" : resolved.getHost().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || !(host.equals("www.jc3.or.jp") || host.equals("jc3.or.jp"))) {
            return Optional.empty();
        }
        Matcher m = THREAT_PATH.matcher(resolved.getPath() == null ? "" : resolved.getPath());
        if (!m.matches()) {
            return Optional.empty();
        }
        // One canonical URL per article: https, www host, no query or fragment.
        String url = "https://www.jc3.or.jp" + resolved.getPath();
        return PlainText.httpUrl(url).map(u -> new ThreatLink(u, m.group(1)));
    }

    /** {@code 2024.1.2} → 2024-01-02T00:00+09:00; empty for anything that is not a real calendar date. */
    static Optional<OffsetDateTime> date(String text) {
        Matcher m = DATE.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return Optional.of(day.atStartOfDay(TOKYO).toOffsetDateTime());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Advisory toAdvisory(Jc3Article article, ThreatLink link, OffsetDateTime published, String sourceId) {
        String title = PlainText.of(article.title());
        String summary = PlainText.of(article.excerpt());
        Set<Identifier> identifiers = IdentifierExtractor.extract(title + "\n" + summary);
        return Advisory.parsed("JC3-article-" + link.number(), sourceId, link.url(), title, summary, published,
                published, Category.FRAUD_TREND, identifiers, List.of(), List.of(), List.of());
    }
}
