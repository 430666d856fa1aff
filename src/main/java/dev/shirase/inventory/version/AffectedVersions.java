package dev.shirase.inventory.version;

import dev.shirase.inventory.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What an advisory says about versions: affected ranges, lines said not to be affected, or "all versions".
 * Empty when the text says nothing readable — which leads to 要確認, never to a guess.
 */
public record AffectedVersions(List<VersionRange> ranges, List<Version> unaffectedLines, String unaffectedPhrase,
                               boolean allVersions, String allPhrase, List<Mention> mentions) {

    /** A version written with no phrase bounding it ({@code 1.3.0.1 にも影響}); it can only make a verdict 要確認. */
    public record Mention(Version version, String label) {
    }

    public static final AffectedVersions NONE = new AffectedVersions(List.of(), List.of(), "", false, "", List.of());

    public AffectedVersions {
        ranges = List.copyOf(ranges);
        unaffectedLines = List.copyOf(unaffectedLines);
        mentions = List.copyOf(mentions);
    }

    public boolean isEmpty() {
        return ranges.isEmpty() && unaffectedLines.isEmpty() && !allVersions;
    }

    /** The phrases read, quoted for a reason: 「155.0.8059.39以前」. */
    public String phrases(Predicate<String> labelOk) {
        String r = ranges.stream().filter(x -> labelOk.test(x.label())).map(VersionRange::phrase).distinct()
                .map(p -> "「" + p + "」").collect(Collectors.joining(" "));
        if (allVersions) {
            r = (r + " 「" + allPhrase + "」").trim();
        }
        if (!unaffectedPhrase.isEmpty()) {
            r = (r + " 「" + unaffectedPhrase + "」").trim();
        }
        return r;
    }

    /**
     * Judges {@code version} (empty when the inventory has none). {@code labelOk} says whether a bound written
     * right after some words (e.g. {@code firefox esr 140.5}) is about the asset's product.
     */
    public Assessment assess(Optional<Version> version, Predicate<String> labelOk) {
        if (version.isEmpty()) {
            String said = phrases(labelOk);
            return new Assessment(Verdict.CHECK, "version unknown in inventory"
                    + (said.isEmpty() ? "" : "; advisory says " + said));
        }
        Version v = version.get();
        List<VersionRange> usable = ranges.stream().filter(r -> labelOk.test(r.label()) && r.comparableWith(v)).toList();
        Assessment a = judge(v, usable, labelOk);
        if (a.verdict() == Verdict.NOT_AFFECTED) {
            // a version the text names without a bound ("1.3.0.1 にも") is not settled by the other bounds
            for (Mention m : mentions) {
                if (labelOk.test(m.label()) && m.version().comparableWith(v) && m.version().equals(v)) {
                    return new Assessment(Verdict.CHECK, v + " is named in the advisory without a bound; " + a.detail());
                }
            }
        }
        return a;
    }

    private Assessment judge(Version v, List<VersionRange> usable, Predicate<String> labelOk) {
        for (Version line : unaffectedLines) {
            if (v.isOnLine(line)) {
                return new Assessment(Verdict.NOT_AFFECTED, v + " is on line " + line
                        + ", stated not affected 「" + unaffectedPhrase + "」");
            }
        }
        if (allVersions) {
            return new Assessment(Verdict.AFFECTED, v + " within all versions 「" + allPhrase + "」");
        }
        if (usable.isEmpty()) {
            boolean incomparable = ranges.stream().anyMatch(r -> labelOk.test(r.label()) && !r.comparableWith(v));
            return new Assessment(Verdict.CHECK, v + (incomparable
                    ? ": cannot be compared with " + phrases(labelOk) + " (date vs. version number)"
                    : ": advisory gives no version range that can be read"));
        }
        List<VersionRange> lined = usable.stream().filter(r -> r.line().isPresent()).toList();
        List<VersionRange> plain = usable.stream().filter(r -> r.line().isEmpty()).toList();
        if (lined.isEmpty() && perLineBounds(plain)) {
            // "8.0.40 およびそれ以前、8.4.3 およびそれ以前": one bound per release line, as JVN lists them
            lined = plain.stream().map(r -> new VersionRange(r.lower(), r.lowerInclusive(), r.upper(),
                    r.upperInclusive(), Optional.of(r.upper().get().line()), r.label(), r.phrase(), r.fixedIn())).toList();
            plain = List.of();
        }
        Optional<Integer> best = lined.stream().filter(r -> v.isOnLine(r.line().get()))
                .map(r -> r.line().get().length()).max(Comparator.naturalOrder());
        if (best.isPresent()) {
            List<VersionRange> onLine = lined.stream()
                    .filter(r -> v.isOnLine(r.line().get()) && r.line().get().length() == best.get()).toList();
            return decide(v, onLine, " (line " + onLine.get(0).line().get() + ".x)");
        }
        // the tightest range holding v, or else the range nearest to v, makes the clearest reason
        Optional<VersionRange> holding = plain.stream().filter(r -> r.contains(v))
                .max(Comparator.comparingInt((VersionRange r) -> affinity(r, v)));
        if (holding.isPresent()) {
            VersionRange r = holding.get();
            return new Assessment(Verdict.AFFECTED, r.describe(v) + " 「" + r.phrase() + "」");
        }
        if (!plain.isEmpty()) {
            VersionRange r = plain.stream().max(Comparator.comparingInt((VersionRange x) -> affinity(x, v))).get();
            return new Assessment(Verdict.NOT_AFFECTED, r.describe(v) + " 「" + r.phrase() + "」");
        }
        // on no listed line: only a version newer than every line and every bound is settled (12.0 after 11.9.x, 11.8.x)
        boolean newerThanEveryLine = lined.stream().allMatch(r -> r.upper().isPresent()
                && v.compareTo(r.upper().get()) > 0 && v.line().compareTo(r.line().get()) > 0);
        if (newerThanEveryLine) {
            return new Assessment(Verdict.NOT_AFFECTED, v + " is newer than every listed line " + phrases(labelOk));
        }
        return new Assessment(Verdict.CHECK, v + ": its release line is not among those listed " + phrases(labelOk));
    }

    /** Several upper-only bounds on distinct release lines. */
    private static boolean perLineBounds(List<VersionRange> plain) {
        if (plain.size() < 2 || !plain.stream().allMatch(r -> r.lower().isEmpty() && r.upper().isPresent())) {
            return false;
        }
        List<Version> uppers = plain.stream().map(r -> r.upper().get()).distinct().toList();
        if (uppers.size() < 2 || uppers.stream().anyMatch(u -> u.length() < 2)) {
            return false;
        }
        return uppers.stream().map(Version::line).distinct().count() == uppers.size();
    }

    /** How many leading components v shares with the range's bounds (7.4.3 is nearer 7.4.2 than 7.6.0). */
    private static int affinity(VersionRange r, Version v) {
        int best = 0;
        for (Optional<Version> b : List.of(r.lower(), r.upper())) {
            if (b.isPresent()) {
                Version bound = b.get();
                int n = 0;
                Version line = bound;
                while (line.length() > 1 && !v.isOnLine(line)) {
                    line = line.line();
                }
                if (v.isOnLine(line)) {
                    n = line.length();
                }
                best = Math.max(best, n);
            }
        }
        return best;
    }

    private static Assessment decide(Version v, List<VersionRange> candidates, String suffix) {
        for (VersionRange r : candidates) {
            if (r.contains(v)) {
                return new Assessment(Verdict.AFFECTED, r.describe(v) + suffix + " 「" + r.phrase() + "」");
            }
        }
        VersionRange r = candidates.get(0);
        return new Assessment(Verdict.NOT_AFFECTED, r.describe(v) + suffix + " 「" + r.phrase() + "」");
    }
}
