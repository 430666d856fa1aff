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
                               boolean allVersions, String allPhrase) {

    public static final AffectedVersions NONE = new AffectedVersions(List.of(), List.of(), "", false, "");

    public AffectedVersions {
        ranges = List.copyOf(ranges);
        unaffectedLines = List.copyOf(unaffectedLines);
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
        List<VersionRange> usable = ranges.stream().filter(r -> labelOk.test(r.label())).toList();
        if (version.isEmpty()) {
            String said = phrases(labelOk);
            return new Assessment(Verdict.CHECK, "version unknown in inventory"
                    + (said.isEmpty() ? "" : "; advisory says " + said));
        }
        Version v = version.get();
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
            return new Assessment(Verdict.CHECK, v + ": advisory gives no version range that can be read");
        }
        List<VersionRange> lined = usable.stream().filter(r -> r.line().isPresent()).toList();
        List<VersionRange> plain = usable.stream().filter(r -> r.line().isEmpty()).toList();
        Optional<Integer> best = lined.stream().filter(r -> v.isOnLine(r.line().get()))
                .map(r -> r.line().get().length()).max(Comparator.naturalOrder());
        if (best.isPresent()) {
            List<VersionRange> onLine = lined.stream()
                    .filter(r -> v.isOnLine(r.line().get()) && r.line().get().length() == best.get()).toList();
            return decide(v, onLine, " (line " + onLine.get(0).line().get() + ".x)");
        }
        for (VersionRange r : plain) {
            if (r.contains(v)) {
                return new Assessment(Verdict.AFFECTED, r.describe(v) + " 「" + r.phrase() + "」");
            }
        }
        if (!plain.isEmpty()) {
            VersionRange r = plain.get(0);
            return new Assessment(Verdict.NOT_AFFECTED, r.describe(v) + " 「" + r.phrase() + "」");
        }
        boolean aboveAll = lined.stream().allMatch(r -> r.upper().isPresent() && v.compareTo(r.upper().get()) > 0
                && v.compareTo(r.line().get()) > 0 && !v.isOnLine(r.line().get()));
        boolean newerThanEveryLine = aboveAll && lined.stream().allMatch(r -> v.compareTo(r.upper().get()) > 0);
        if (newerThanEveryLine && lined.stream().noneMatch(r -> v.line().compareTo(r.line().get()) < 0)) {
            return new Assessment(Verdict.NOT_AFFECTED, v + " is newer than every listed line " + phrases(labelOk));
        }
        return new Assessment(Verdict.CHECK, v + ": its release line is not among those listed " + phrases(labelOk));
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
