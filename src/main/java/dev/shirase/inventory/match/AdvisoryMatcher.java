package dev.shirase.inventory.match;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.inventory.Asset;
import dev.shirase.inventory.Match;
import dev.shirase.inventory.Verdict;
import dev.shirase.inventory.cpe.Cpe;
import dev.shirase.inventory.version.AffectedVersions;
import dev.shirase.inventory.version.Assessment;
import dev.shirase.inventory.version.Version;
import dev.shirase.inventory.version.VersionPhraseParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which advisories touch which assets, and how: 該当, 要確認 or 非該当, each with a reason.
 *
 * <p>Built once per inventory: assets are indexed by CPE {@code vendor:product}, by normalised product names and
 * aliases, and by the words that start each name (for text mentions). {@link #match(Advisory)} then only looks up
 * what the advisory names, so its cost does not grow with the size of the inventory.
 *
 * <p>Identity: an advisory product with a CPE is compared to an asset with a CPE on vendor and product only; to
 * an asset without one by name forms (with vendors agreeing). Advisories that list no real product (JVN, IPA,
 * JPCERT items, or only {@code misc:multiple_vendors}) are matched by the names their title and summary mention;
 * a mention of only the vendor's products ("Fortinet製品") is 要確認.
 *
 * <p>Versions come from the product's version field when it can be read, else from the title and summary.
 * When nothing settles it the verdict is 要確認 — never a guess.
 *
 * <p>Immutable once built, so {@link #match(Advisory)} may be called from many threads at once.
 */
public final class AdvisoryMatcher {

    private final List<AssetEntry> entries = new ArrayList<>();
    private final Map<String, List<AssetEntry>> byCpe = new HashMap<>();
    private final Map<String, List<AssetEntry>> byName = new HashMap<>();
    private final MentionScanner scanner = new MentionScanner();

    public AdvisoryMatcher(List<Asset> assets) {
        for (Asset a : assets) {
            Optional<Version> v = a.version().flatMap(Version::parse);
            Set<String> vendorTokens = new java.util.LinkedHashSet<>(ProductNames.vendorTokens(a.vendor()));
            a.cpe().ifPresent(c -> vendorTokens.addAll(ProductNames.vendorTokens(c.vendor())));
            AssetEntry e = new AssetEntry(a, v, ProductNames.assetForms(a), vendorTokens);
            entries.add(e);
            a.cpe().ifPresent(c -> byCpe.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(e));
            for (String f : e.forms()) {
                byName.computeIfAbsent(f, k -> new ArrayList<>()).add(e);
            }
            for (String f : ProductNames.assetTextForms(a)) {
                scanner.add(e, f, false);
            }
            String vendor = ProductNames.normalize(a.vendor());
            if (vendor.length() >= 3 || (vendor.length() >= 2 && !ProductNames.isAscii(vendor))) {
                scanner.add(e, vendor, true);
            }
            for (String token : vendorTokens) {
                VendorNames.katakana(token).filter(k -> !k.equals(vendor)).ifPresent(k -> scanner.add(e, k, true));
            }
        }
    }

    /** The assets this matcher was built for. */
    public List<Asset> assets() {
        return entries.stream().map(AssetEntry::asset).toList();
    }

    /** One verdict per asset the advisory names; an advisory naming none of our products gives an empty list. */
    public List<Match> match(Advisory advisory) {
        Map<AssetEntry, List<Hit>> hits = new LinkedHashMap<>();
        boolean namesProducts = false;
        for (AffectedProduct p : advisory.products()) {
            Optional<Cpe> cpe = p.cpe().flatMap(Cpe::tryParse).filter(c -> !c.vendor().equals("misc"));
            boolean multiple = p.product().contains("複数") || p.cpe().map(s -> s.contains("misc:multiple")).orElse(false);
            if (multiple || (cpe.isEmpty() && p.product().isBlank())) {
                continue;
            }
            namesProducts = true;
            Set<String> vendorTokens = new java.util.LinkedHashSet<>(
                    p.vendor().contains("複数") ? Set.of() : ProductNames.vendorTokens(p.vendor()));
            Set<String> forms = new java.util.LinkedHashSet<>(ProductNames.productForms(p.vendor(), p.product()));
            if (cpe.isPresent()) {
                Cpe c = cpe.get();
                vendorTokens.addAll(ProductNames.vendorTokens(c.vendor()));
                forms.addAll(ProductNames.productForms(c.vendor(), c.product()));
                for (AssetEntry e : byCpe.getOrDefault(c.key(), List.of())) {
                    hits.computeIfAbsent(e, k -> new ArrayList<>()).add(new Hit(p, "sec:cpe " + c.key()));
                }
            }
            for (String f : forms) {
                for (AssetEntry e : byName.getOrDefault(f, List.of())) {
                    // both sides have a CPE: the CPEs decide (go-sql-driver:mysql is not oracle:mysql)
                    if (cpe.isPresent() && e.asset().cpe().isPresent()) {
                        continue;
                    }
                    if (!e.vendorAgrees(vendorTokens)) {
                        continue;
                    }
                    List<Hit> list = hits.computeIfAbsent(e, k -> new ArrayList<>());
                    if (list.stream().noneMatch(h -> h.product == p)) {
                        list.add(new Hit(p, "product name '" + p.product() + "'"));
                    }
                }
            }
        }
        TextVersions text = new TextVersions(advisory);
        List<Match> out = new ArrayList<>();
        for (Map.Entry<AssetEntry, List<Hit>> h : hits.entrySet()) {
            out.add(judge(advisory, h.getKey(), h.getValue(), text));
        }
        if (!namesProducts) {
            String body = ProductNames.normalize(advisory.title() + " \n " + advisory.summary());
            for (TextMention m : scanner.scan(body)) {
                out.add(judgeMention(advisory, m, text));
            }
        }
        return out;
    }

    private Match judge(Advisory advisory, AssetEntry e, List<Hit> hitList, TextVersions text) {
        Match worst = null;
        for (Hit h : hitList) {
            AffectedVersions av = h.product.versionText().map(VersionPhraseParser::parse)
                    .filter(x -> !x.isEmpty()).orElse(null);
            String source;
            if (av != null) {
                source = h.evidence + ", version field";
            } else {
                av = text.get();
                source = h.evidence;
            }
            Assessment as = av.assess(e.version(), e::labelOk);
            Match m = build(advisory, e, as, source, h.evidence);
            if (worst == null || m.verdict().urgency() > worst.verdict().urgency()) {
                worst = m;
            }
        }
        return worst;
    }

    private Match judgeMention(Advisory advisory, TextMention m, TextVersions text) {
        if (m.vendorOnly()) {
            Assessment as = new Assessment(Verdict.CHECK, "advisory names " + m.form() + " products without listing them");
            String ev = "text mentions '" + m.form() + "'";
            return build(advisory, m.entry(), as, ev, ev);
        }
        Assessment as = text.get().assess(m.entry().version(), m.entry()::labelOk);
        String ev = "text mentions '" + m.form() + "'";
        return build(advisory, m.entry(), as, ev, ev);
    }

    private static Match build(Advisory advisory, AssetEntry e, Assessment as, String source, String evidence) {
        String reason = e.asset().label() + " " + as.detail() + " (" + source + ", " + advisory.id() + ")";
        return new Match(advisory.id(), e.asset().id(), as.verdict(), reason, e.asset().version(), evidence);
    }

    private record Hit(AffectedProduct product, String evidence) {
    }

    /** The version phrases of the title and summary, read at most once per advisory. */
    private static final class TextVersions {
        private final Advisory advisory;
        private AffectedVersions parsed;

        TextVersions(Advisory advisory) {
            this.advisory = advisory;
        }

        AffectedVersions get() {
            if (parsed == null) {
                parsed = VersionPhraseParser.parse(advisory.title() + "。\n" + advisory.summary());
            }
            return parsed;
        }
    }
}
