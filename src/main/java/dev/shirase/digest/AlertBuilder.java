package dev.shirase.digest;

import dev.shirase.inventory.Asset;
import dev.shirase.inventory.Verdict;
import dev.shirase.inventory.store.MatchRepository;
import dev.shirase.inventory.store.StoredMatch;
import dev.shirase.store.AdvisoryRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds what deserves an immediate alert under {@link AlertRule}: one alert per (threat, asset) that is 該当 with open
 * triage. Its key ({@link DigestKeys#alert}) holds the escalation level, so the outbox (keyed by message and channel)
 * is the memory of what was sent: the same (threat, asset, level) is never enqueued twice, while a KEV listing or a new
 * Japanese alert for a threat already sent, or a 要確認 that became 該当, produces a new key and so a new alert.
 */
public final class AlertBuilder {
    private final MatchRepository matches;
    private final List<Asset> assets;
    private final String baseUrl;
    private final AlertRule rule;
    private final ThreatFinder threats;

    public AlertBuilder(AdvisoryRepository advisories, MatchRepository matches, List<Asset> assets, String baseUrl,
                        AlertRule rule) {
        this.matches = matches;
        this.assets = List.copyOf(assets);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.rule = rule;
        this.threats = new ThreatFinder(advisories);
    }

    /** Every alert the rule asks for now (already-sent ones included: the outbox drops repeats). */
    public List<Digest> alerts(Audience audience, Locale locale, LocalDate today) {
        Map<String, List<StoredMatch>> open = DigestBuilder.openMatches(matches);
        List<String> seeds = open.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(m -> m.verdict() == Verdict.AFFECTED))
                .map(Map.Entry::getKey).sorted().toList();
        Map<String, Asset> assetById = assets.stream()
                .collect(Collectors.toMap(Asset::id, Function.identity(), (x, y) -> x));
        List<Digest> out = new ArrayList<>();
        for (Threat threat : threats.threatsOf(seeds)) {
            Optional<String> level = rule.level(threat);
            if (level.isEmpty()) {
                continue;
            }
            for (StoredMatch m : DigestBuilder.worstPerAsset(threat, open).values()) {
                if (m.verdict() != Verdict.AFFECTED) {
                    continue;
                }
                DigestEntry entry = DigestBuilder.entry(threat, List.of(m), assetById, audience, locale, baseUrl);
                out.add(new Digest(DigestKeys.alert(audience, threat.id(), m.assetId(), level.get()), Kind.ALERT,
                        audience, locale, new DateWindow(today, today),
                        List.of(new DigestSection(SectionKind.AFFECTED, List.of(entry))), DigestSummary.empty(),
                        Optional.of(baseUrl + "/advisories/" + threat.advisories().get(0).id())));
            }
        }
        return out;
    }
}
