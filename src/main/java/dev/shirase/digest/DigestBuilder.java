package dev.shirase.digest;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.inventory.Asset;
import dev.shirase.inventory.Verdict;
import dev.shirase.inventory.store.MatchRepository;
import dev.shirase.inventory.store.StoredMatch;
import dev.shirase.inventory.store.TriageState;
import dev.shirase.source.SourceState;
import dev.shirase.store.AdvisoryRepository;
import dev.shirase.store.SourceStateRepository;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides what goes into a digest for a window, from the store, the stored verdicts, the source states and the
 * inventory.
 *
 * <ul>
 *   <li>AFFECTED (該当) and CHECK (要確認): threats with an advisory published in the window that has a verdict for
 *       one of our assets. Matches whose triage is {@code done} or {@code not-affected} are left out (someone already
 *       dealt with them); {@code open} and {@code in-progress} stay. A threat with any 該当 asset goes to AFFECTED
 *       (its 要確認 assets are listed in the same entry), otherwise to CHECK.</li>
 *   <li>ALERTS (注意喚起・手口): the remaining threats that include an alert (IPA, JPCERT/CC, MyJVN, icat) or a fraud
 *       and phishing trend (JC3) published in the window, whatever software we run.</li>
 *   <li>SUMMARY: advisories per source in the window and each source's health.</li>
 * </ul>
 * One entry per threat (see {@link ThreatFinder}); entries in {@link DigestEntryOrder}. The {@code staff} audience
 * gets the same threats without versions, owners and verdict reasons (awareness, not matching detail).
 */
public final class DigestBuilder {
    private final AdvisoryRepository advisories;
    private final MatchRepository matches;
    private final SourceStateRepository states;
    private final List<Asset> assets;
    private final List<String> sourceIds;
    private final String baseUrl;
    private final ThreatFinder threats;

    /**
     * @param sourceIds the configured (enabled) sources, in display order, for the summary
     * @param baseUrl   the archive web page ({@code web.base-url}), for {@code /advisories/{id}} links
     */
    public DigestBuilder(AdvisoryRepository advisories, MatchRepository matches, SourceStateRepository states,
                         List<Asset> assets, List<String> sourceIds, String baseUrl) {
        this.advisories = advisories;
        this.matches = matches;
        this.states = states;
        this.assets = List.copyOf(assets);
        this.sourceIds = List.copyOf(sourceIds);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.threats = new ThreatFinder(advisories);
    }

    /** The digest of {@code window} (days in {@code zone}) for one audience, in {@code locale}. */
    public Digest build(Audience audience, DateWindow window, ZoneId zone, Locale locale) {
        List<Advisory> inWindow = advisories.publishedBetween(window.from().atStartOfDay(zone).toOffsetDateTime(),
                window.to().atStartOfDay(zone).toOffsetDateTime());
        Set<String> windowIds = inWindow.stream().map(Advisory::id).collect(Collectors.toSet());
        Map<String, List<StoredMatch>> open = openMatches(matches);
        List<String> seeds = new ArrayList<>();
        for (Advisory a : inWindow) {
            if (open.containsKey(a.id()) || a.category() == Category.ALERT || a.category() == Category.FRAUD_TREND) {
                seeds.add(a.id());
            }
        }
        Map<String, Asset> assetById = assets.stream().collect(Collectors.toMap(Asset::id, Function.identity(), (x, y) -> x));
        List<DigestEntry> affected = new ArrayList<>();
        List<DigestEntry> check = new ArrayList<>();
        List<DigestEntry> alerts = new ArrayList<>();
        for (Threat threat : threats.threatsOf(seeds)) {
            Map<String, StoredMatch> worst = worstPerAsset(threat, open);
            boolean anyAffected = worst.values().stream().anyMatch(m -> m.verdict() == Verdict.AFFECTED);
            if (!worst.isEmpty()) {
                (anyAffected ? affected : check).add(entry(threat, worst.values(), assetById, audience, locale));
            } else if (threat.advisories().stream().anyMatch(a -> windowIds.contains(a.id()) && isAwareness(a))) {
                alerts.add(entry(threat, List.of(), assetById, audience, locale));
            }
        }
        List<DigestSection> sections = List.of(
                new DigestSection(SectionKind.AFFECTED, affected).sorted(),
                new DigestSection(SectionKind.CHECK, check).sorted(),
                new DigestSection(SectionKind.ALERTS, alerts).sorted(),
                new DigestSection(SectionKind.SUMMARY, List.of()));
        return new Digest(DigestKeys.digest(audience, window), Kind.DIGEST, audience, locale, window, sections,
                summary(inWindow), Optional.of(baseUrl + "/"));
    }

    private static boolean isAwareness(Advisory a) {
        return a.category() == Category.ALERT || a.category() == Category.FRAUD_TREND;
    }

    /** AFFECTED and CHECK matches whose triage is still open or in progress, by advisory id. */
    static Map<String, List<StoredMatch>> openMatches(MatchRepository matches) {
        Map<String, List<StoredMatch>> out = new HashMap<>();
        for (Verdict v : List.of(Verdict.AFFECTED, Verdict.CHECK)) {
            for (StoredMatch m : matches.find(Optional.of(v), Optional.empty())) {
                if (m.triage() == TriageState.OPEN || m.triage() == TriageState.IN_PROGRESS) {
                    out.computeIfAbsent(m.advisoryId(), k -> new ArrayList<>()).add(m);
                }
            }
        }
        return out;
    }

    /** The most urgent open match of each asset over the threat's advisories, by asset id. */
    static Map<String, StoredMatch> worstPerAsset(Threat threat, Map<String, List<StoredMatch>> open) {
        Map<String, StoredMatch> worst = new LinkedHashMap<>();
        for (Advisory a : threat.advisories()) {
            for (StoredMatch m : open.getOrDefault(a.id(), List.of())) {
                worst.merge(m.assetId(), m, (x, y) -> y.verdict().urgency() > x.verdict().urgency() ? y : x);
            }
        }
        return worst;
    }

    DigestEntry entry(Threat threat, java.util.Collection<StoredMatch> matched, Map<String, Asset> assetById,
                      Audience audience, Locale locale) {
        return entry(threat, matched, assetById, audience, locale, baseUrl);
    }

    /** One entry: the threat's ids and title, our assets and why, what to do, and links. */
    static DigestEntry entry(Threat threat, java.util.Collection<StoredMatch> matched, Map<String, Asset> assetById,
                             Audience audience, Locale locale, String baseUrl) {
        boolean admins = audience == Audience.ADMINS;
        List<StoredMatch> ordered = matched.stream()
                .sorted(Comparator.comparing((StoredMatch m) -> -m.verdict().urgency()).thenComparing(StoredMatch::assetId))
                .toList();
        boolean mixed = ordered.stream().anyMatch(m -> m.verdict() == Verdict.AFFECTED);
        List<AssetLine> lines = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> actions = new LinkedHashSet<>();
        for (StoredMatch m : ordered) {
            Asset asset = assetById.get(m.assetId());
            String name = asset == null ? m.assetId() : asset.name();
            if (admins) {
                lines.add(new AssetLine(name, m.assetVersion().or(() -> asset == null ? Optional.empty() : asset.version()),
                        Optional.ofNullable(asset).map(Asset::owner)));
                // In a 該当 entry, the 要確認 assets of the same threat say so; in the 要確認 section it goes without saying.
                reasons.add((m.verdict() == Verdict.CHECK && mixed ? label(Verdict.CHECK, locale) + ": " : "") + m.reason());
            } else {
                lines.add(new AssetLine(name, Optional.empty(), Optional.empty()));
            }
            if (m.verdict() == Verdict.AFFECTED) {
                String product = asset == null ? m.assetId() : asset.label();
                ActionHint.fixedVersion(m.reason()).ifPresent(v -> actions.add(ActionHint.updateTo(product, v, locale)));
            }
        }
        Advisory primary = primary(threat, matched);
        return new DigestEntry(threat.ids(), primary.title(), lines, String.join(" / ", reasons),
                actions.isEmpty() ? Optional.empty() : Optional.of(String.join(" / ", actions)),
                links(threat, primary, baseUrl), threat.kev(), threat.cvss(), threat.epss(), threat.japaneseAlert(),
                threat.published());
    }

    private static String label(Verdict v, Locale locale) {
        return "en".equals(locale.getLanguage()) ? v.english() : v.japanese();
    }

    /** The advisory whose title heads the entry: one that matched, else an alert, else the newest. */
    private static Advisory primary(Threat threat, java.util.Collection<StoredMatch> matched) {
        Set<String> matchedIds = matched.stream().map(StoredMatch::advisoryId).collect(Collectors.toSet());
        return threat.advisories().stream().filter(a -> matchedIds.contains(a.id())).findFirst()
                .or(() -> threat.advisories().stream().filter(DigestBuilder::isAwareness)
                        .max(Comparator.comparing(Advisory::published)))
                .orElseGet(() -> threat.advisories().stream().max(Comparator.comparing(Advisory::published)).orElseThrow());
    }

    /** The source pages (JVN, JPCERT/CC, IPA, …), at most five, then the archive page of the primary advisory. */
    private static List<Link> links(Threat threat, Advisory primary, String baseUrl) {
        List<Link> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Advisory> ordered = new ArrayList<>(threat.advisories());
        ordered.remove(primary);
        ordered.add(0, primary);
        for (Advisory a : ordered) {
            String url = a.url();
            if ((url.startsWith("https://") || url.startsWith("http://")) && seen.add(url) && out.size() < 5) {
                out.add(new Link(a.id(), url));
            }
        }
        out.add(new Link("Shirase", baseUrl + "/advisories/" + primary.id()));
        return out;
    }

    private DigestSummary summary(List<Advisory> inWindow) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        sourceIds.forEach(s -> counts.put(s, 0));
        inWindow.forEach(a -> counts.merge(a.source(), 1, Integer::sum));
        List<SourceHealthLine> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            SourceState state = states.load(e.getKey()).orElse(SourceState.initial(e.getKey()));
            lines.add(state.healthy() ? SourceHealthLine.healthy(e.getKey(), e.getValue())
                    : SourceHealthLine.failing(e.getKey(), e.getValue(), state.healthReason()));
        }
        return new DigestSummary(lines);
    }
}
