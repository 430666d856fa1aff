package dev.shirase.inventory.check;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.inventory.Asset;
import dev.shirase.inventory.cpe.Cpe;
import dev.shirase.inventory.match.ProductNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code inventory check}: for every asset, how many advisories name it; for assets nothing has ever named, the
 * closest known vendor/product names, by token overlap and edit distance over the names the caller supplies
 * (CPE {@code vendor:product} pairs and product names seen in the archive).
 */
public final class InventoryCheck {

    private static final int MAX_SUGGESTIONS = 3;
    private static final double MIN_SCORE = 0.45;

    private InventoryCheck() {
    }

    /**
     * @param assets             the inventory
     * @param advisoriesPerAsset asset id → number of advisories naming it (e.g. {@code MatchRepository.advisoryCountByAsset()})
     * @param knownNames         names the archive knows: {@code fortinet:fortios}, {@code Google Chrome}, …
     */
    public static List<AssetCoverage> run(List<Asset> assets, Map<String, Integer> advisoriesPerAsset,
                                          Collection<String> knownNames) {
        List<String> known = new ArrayList<>(new LinkedHashSet<>(knownNames));
        List<AssetCoverage> out = new ArrayList<>();
        for (Asset a : assets) {
            int n = advisoriesPerAsset.getOrDefault(a.id(), 0);
            out.add(new AssetCoverage(a, n, n == 0 ? suggest(a, known) : List.of()));
        }
        return out;
    }

    /** The names to suggest from: every CPE {@code vendor:product} and every product name in the advisories. */
    public static Set<String> knownNames(Iterable<Advisory> advisories) {
        Set<String> out = new LinkedHashSet<>();
        for (Advisory a : advisories) {
            for (AffectedProduct p : a.products()) {
                p.cpe().flatMap(Cpe::tryParse).filter(c -> !c.vendor().equals("misc")).ifPresent(c -> out.add(c.key()));
                if (!p.product().isBlank() && !p.product().contains("複数")) {
                    out.add(p.product());
                }
            }
        }
        return out;
    }

    /** The closest known names to an asset, best first (at most three, only reasonably close ones). */
    public static List<String> suggest(Asset asset, List<String> known) {
        Set<String> mine = new LinkedHashSet<>();
        mine.add(ProductNames.normalize(asset.product()));
        mine.add(ProductNames.normalize(asset.vendor() + " " + asset.product()));
        asset.cpe().ifPresent(c -> mine.add(ProductNames.normalize(c.vendor() + " " + c.product())));
        asset.aliases().forEach(x -> mine.add(ProductNames.normalize(x)));
        mine.removeIf(String::isBlank);
        record Scored(String name, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String k : known) {
            String kn = ProductNames.normalize(k.replace(':', ' '));
            double best = 0;
            for (String m : mine) {
                best = Math.max(best, similarity(m, kn));
            }
            if (best >= MIN_SCORE) {
                scored.add(new Scored(k, best));
            }
        }
        return scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::name))
                .limit(MAX_SUGGESTIONS).map(Scored::name).toList();
    }

    /** The better of token overlap (Jaccard) and normalised edit-distance similarity. */
    static double similarity(String a, String b) {
        Set<String> ta = new LinkedHashSet<>(List.of(a.split("[ \\-.]+")));
        Set<String> tb = new LinkedHashSet<>(List.of(b.split("[ \\-.]+")));
        Set<String> inter = new LinkedHashSet<>(ta);
        inter.retainAll(tb);
        Set<String> union = new LinkedHashSet<>(ta);
        union.addAll(tb);
        double jaccard = union.isEmpty() ? 0 : (double) inter.size() / union.size();
        int max = Math.max(a.length(), b.length());
        double edit = max == 0 ? 0 : 1.0 - (double) levenshtein(a, b) / max;
        return Math.max(jaccard, edit);
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
