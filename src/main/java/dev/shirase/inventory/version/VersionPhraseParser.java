package dev.shirase.inventory.version;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JVN's Japanese (and common English) version phrases from a version field or from free description text:
 * 未満 / より前 (&lt;), 以下 / 以前 / およびそれ以前 (≤), 以上 / 以降 (≥), X から Y / X〜Y / X-Y (inclusive),
 * すべてのバージョン, "fixed in" ({@code Firefox 157 で修正}, {@code 2.4.69へアップグレード}), one bound per release
 * line ({@code 11.9.x（11.9.0以下）}), lists ({@code 2026.2、2026.1.4、および 2025.11.8 以前}) and lines stated
 * not affected ({@code 3.0、1.1.1 ではこの問題の影響を受けません}).
 *
 * <p>Numbers that are not product versions are skipped: ones written after TLS, RFC, CVSS, セクション and the like,
 * parts of identifiers (CVE-2026-1234, SHA-256) and counts or dates (2026年, 5件). A number that no phrase
 * qualifies yields nothing: the caller then says 要確認.
 */
public final class VersionPhraseParser {

    private static final Pattern TOKEN = Pattern.compile(
            "(?<![0-9a-z._/#@])(?<![a-z0-9]:)(?<![a-z]-)(?<!\\d{4}-)v?(\\d{4}-\\d{2}-\\d{2}|\\d{1,9}(?:\\.\\d{1,9})*[a-z]?(?:\\.x)?)(?![0-9a-z_])");
    private static final Set<String> NOT_PRODUCT_LABELS = Set.of("tls", "ssl", "dtls", "http", "http/", "rfc", "cvss",
            "cvssv2", "cvssv3", "cvss v3", "cvss v2", "cvss v4", "score", "section", "sec", "ssh", "smb", "smbv", "ipv",
            "protocol", "cwe", "cve", "jvndb", "apsb", "kb", "ms", "oauth", "saml", "snmp", "snmpv", "sha", "md",
            "aes", "rsa", "x", "pkcs", "utf", "iso", "ieee", "chapter", "step", "page", "level", "phase", "port", "no", "no.");
    private static final Set<String> GENERIC_LABELS = Set.of("version", "versions", "ver", "ver.", "v", "release",
            "and", "or", "to", "from", "in", "prior to", "before", "through", "up to", "earlier than", "fixed in",
            "upgrade to", "update to", "version to", "versions before", "versions prior to", "build");
    private static final String[] NOT_PRODUCT_JA_BEFORE = {"セクション", "基本値", "スコア", "深刻度", "第", "章", "項",
            "条", "cvss", "tls", "rfc", "ポート", "番号", "レベル"};
    private static final String[] NOT_PRODUCT_AFTER = {"年", "月", "日", "件", "個", "回", "秒", "分", "点", "%", "バイト",
            "文字", "時間", "ヶ月", "か月", "カ月", "日間", "章", "節", "項", "番", "名", "台", "ms", "kb", "mb", "gb", "byte",
            "bit", "ビット", "x", "倍", "つ", "系統"};

    private static final String[] FIXED_AFTER = {"で修正", "にて修正", "において修正", "で解決", "で対処", "で対策",
            "へアップグレード", "にアップグレード", "へアップデート", "にアップデート", "へ更新", "に更新", "へのアップグレード",
            "へのアップデート", "以降へアップグレード", "以降にアップグレード", "以降へアップデート", "以降にアップデート",
            "以降へ更新", "以降に更新", "以降で修正", "以降のバージョンで修正", "以降のバージョンへ", "以降のバージョンに"};
    private static final String[] FIXED_BEFORE = {"fixed in", "fixed in version", "upgrade to", "upgrade to version",
            "update to", "update to version", "修正済みバージョン", "対策済みバージョン", "修正版"};
    private static final String[] FIXED_CONTEXT = {"影響を受けない", "修正済み", "対策済み", "修正版", "対策版",
            "fixed", "patched", "unaffected", "not affected", "解消"};
    private static final String[] LESS_AFTER = {"未満", "より前", "よりも前", "より以前"};
    private static final String[] LESS_BEFORE = {"before", "before version", "prior to", "prior to version",
            "versions prior to", "versions before", "earlier than", "<"};
    private static final String[] AT_MOST_AFTER = {"以下", "以前", "およびそれ以前", "及びそれ以前", "とそれ以前",
            "およびそれより前", "までのバージョン", "までの", "and earlier", "and prior", "and below", "or earlier",
            "or below", "and older", "or older"};
    private static final String[] AT_MOST_BEFORE = {"<=", "≤", "up to", "up to and including", "through"};
    private static final String[] AT_LEAST_AFTER = {"以上", "以降", "and later", "or later", "and above", "or higher",
            "and newer", "or newer"};
    private static final String[] AT_LEAST_BEFORE = {">=", "≥", "from"};
    private static final String[] RANGE_JOINERS = {"から", "〜", "~", "–", "—", "-", "to", "through", "から、"};
    private static final String[] ALL_VERSIONS = {"すべてのバージョン", "全てのバージョン", "全バージョン", "すべての版",
            "all versions"};
    private static final Pattern NOT_AFFECTED = Pattern.compile(
            "影響を受けません|影響を受けない|影響はありません|影響しません|影響はない|影響なし|対象外|are not affected|is not affected|not vulnerable|are unaffected");
    private static final Pattern LINE_BEFORE = Pattern.compile("(\\d+(?:\\.\\d+)*)\\.x\\s*\\(\\s*(?:バージョン|version)?\\s*$");
    private static final Pattern WHITE = Pattern.compile("\\s+");
    private static final Pattern LINE_ALL = Pattern.compile("(\\d+(?:\\.\\d+)*)(?:\\.x\\s*|\\s*系列?\\s*)の?\\s*$");
    private static final String[] CLAUSE_BREAKS = {"。", ". ", "\n", ";", "が、", "ますが", "but ", "however", "ただし"};
    private static final Pattern LEADING_CONNECTIVES = Pattern.compile(
            "^(?:(?:and|or|to|in|from|the|of|for|on|with|before|prior to|up to|through|fixed in|upgrade to|update to)\\s+)+");
    private static final Pattern TRAILING_PUNCT = Pattern.compile("[\\-/.]+$");
    private static final String[] LIST_SEPARATORS = {"、", ",", "/", "および", "及び", "and", "or", "または"};
    private static final Pattern LIST_BEFORE = Pattern.compile(
            "((?:(?:[a-z][a-z0-9 .+\\-]{0,30}?\\s)?v?\\d+(?:\\.\\d+)*[a-z]?\\s*(?:、|,|/|および|及び|and|or|または)\\s*(?:および|及び|and|or|または)?\\s*)+)([a-z][a-z0-9 .+\\-]{0,30})?$");

    private VersionPhraseParser() {
    }

    /** NFKC, lower case, and one space for each run of white space: the form all phrases are matched on. */
    public static String fold(String text) {
        String t = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITE.matcher(t).replaceAll(" ");
    }

    /** Parses a version field such as {@code 155.0.8059.39以前} or free text such as a JVN iPedia summary. */
    public static AffectedVersions parse(String text) {
        String t = fold(text);
        if (t.isBlank()) {
            return AffectedVersions.NONE;
        }
        List<Tok> toks = tokens(t);
        List<VersionRange> ranges = new ArrayList<>();
        List<Version> unaffected = new ArrayList<>();
        String unaffectedPhrase = "";
        boolean[] used = new boolean[toks.size()];

        Matcher na = NOT_AFFECTED.matcher(t);
        while (na.find()) {
            int clauseStart = clauseStart(t, na.start());
            for (int i = 0; i < toks.size(); i++) {
                Tok k = toks.get(i);
                if (k.start >= clauseStart && k.end <= na.start() && !k.lineToken && k.version.isPresent()
                        && !phraseAfter(t, k.end, LESS_AFTER) && !phraseAfter(t, k.end, AT_MOST_AFTER)
                        && !phraseAfter(t, k.end, AT_LEAST_AFTER) && !phraseAfter(t, k.end, RANGE_JOINERS)) {
                    unaffected.add(k.version.get());
                    used[i] = true;
                }
            }
            if (!unaffected.isEmpty()) {
                unaffectedPhrase = t.substring(clauseStart, na.end()).trim();
            }
        }

        String allPhrase = "";
        for (String all : ALL_VERSIONS) {
            int at = t.indexOf(all);
            if (at >= 0) {
                // "7.2 系のすべてのバージョン" / "7.2.x のすべてのバージョン" is every version of one line only
                Matcher line = LINE_ALL.matcher(t.substring(Math.max(0, at - 24), at));
                if (line.find()) {
                    Optional<Version> lv = Version.parse(line.group(1));
                    if (lv.isPresent()) {
                        ranges.add(new VersionRange(Optional.empty(), true, Optional.empty(), true, lv,
                                labelBefore(t, Math.max(0, at - 24) + line.start()), line.group().trim() + all, false));
                        continue;
                    }
                }
                allPhrase = all;
                break;
            }
        }

        for (int i = 0; i < toks.size(); i++) {
            Tok k = toks.get(i);
            if (used[i] || k.lineToken || k.version.isEmpty() || k.skip) {
                continue;
            }
            Version v = k.version.get();
            String after = t.substring(k.end).stripLeading();
            String before = t.substring(Math.max(0, k.start - 200), k.start).stripTrailing();
            String beforeWords = stripVersionWord(before);
            Optional<Version> line = lineBefore(before);

            // X から Y / X〜Y / X-Y
            if (i + 1 < toks.size() && !used[i + 1] && !toks.get(i + 1).lineToken && toks.get(i + 1).version.isPresent()) {
                Tok n = toks.get(i + 1);
                String between = t.substring(k.end, n.start).trim().replace("バージョン", "").replace("version", "").trim();
                boolean dash = between.equals("-");
                if (isJoiner(between) && (!dash || (k.text.contains(".") && n.text.contains(".")))) {
                    String tail = t.substring(n.end).stripLeading();
                    boolean exclusive = startsWithAny(tail, LESS_AFTER) || tail.startsWith("まで未満");
                    int endPos = n.end + (t.length() - n.end - tail.length()) + phraseLength(tail);
                    ranges.add(new VersionRange(Optional.of(v), true, n.version, !exclusive, line, k.label,
                            t.substring(k.start, Math.min(t.length(), endPos)).trim(), false));
                    used[i] = used[i + 1] = true;
                    continue;
                }
            }
            if (startsWithAny(after, FIXED_AFTER) || endsWithAny(beforeWords, FIXED_BEFORE)) {
                addUpper(ranges, toks, used, i, t, before, false, true, line);
                continue;
            }
            if (startsWithAny(after, LESS_AFTER) || endsWithAny(beforeWords, LESS_BEFORE)) {
                addUpper(ranges, toks, used, i, t, before, false, false, line);
                continue;
            }
            if (startsWithAny(after, AT_MOST_AFTER) || endsWithAny(beforeWords, AT_MOST_BEFORE)) {
                addUpper(ranges, toks, used, i, t, before, true, false, line);
                continue;
            }
            if ((startsWithAny(after, AT_LEAST_AFTER) || endsWithAny(beforeWords, AT_LEAST_BEFORE))
                    && containsAny(before.substring(Math.max(0, before.length() - 30)), FIXED_CONTEXT)) {
                // "修正済みバージョン: 3.0.15 以降" / "影響を受けないバージョン：3.0.15以降": the lower bound of the fix
                addUpper(ranges, toks, used, i, t, before, false, true, line);
                continue;
            }
            if (startsWithAny(after, AT_LEAST_AFTER) || endsWithAny(beforeWords, AT_LEAST_BEFORE)) {
                // 2.0以上2.4.68以下 / 2.0 以上、2.5 未満: a lower bound joined to the next upper bound
                Optional<Version> upper = Optional.empty();
                boolean upperIncl = true;
                int endPos = k.end + (t.length() - k.end - after.length()) + phraseLength(after);
                if (i + 1 < toks.size() && toks.get(i + 1).version.isPresent() && !toks.get(i + 1).lineToken) {
                    Tok n = toks.get(i + 1);
                    String gap = t.substring(endPos, n.start).trim();
                    String tail = t.substring(n.end).stripLeading();
                    if (gap.length() <= 3 && (startsWithAny(tail, LESS_AFTER) || startsWithAny(tail, AT_MOST_AFTER))) {
                        upper = n.version;
                        upperIncl = !startsWithAny(tail, LESS_AFTER);
                        used[i + 1] = true;
                        endPos = n.end + (t.length() - n.end - tail.length()) + phraseLength(tail);
                    }
                }
                ranges.add(new VersionRange(Optional.of(v), true, upper, upperIncl, line, k.label,
                        t.substring(k.start, Math.min(t.length(), endPos)).trim(), false));
                used[i] = true;
            }
        }
        List<AffectedVersions.Mention> mentions = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Tok k = toks.get(i);
            if (!used[i] && !k.skip && !k.lineToken && k.version.isPresent()) {
                mentions.add(new AffectedVersions.Mention(k.version.get(), k.label));
            }
        }
        return new AffectedVersions(ranges, unaffected, unaffectedPhrase, !allPhrase.isEmpty(), allPhrase, mentions);
    }

    private static void addUpper(List<VersionRange> ranges, List<Tok> toks, boolean[] used, int i, String t,
                                 String before, boolean inclusive, boolean fixed, Optional<Version> line) {
        Tok k = toks.get(i);
        String after = t.substring(k.end).stripLeading();
        int endPos = k.end + (t.length() - k.end - after.length()) + phraseLength(after);
        String phrase = t.substring(k.start, Math.min(t.length(), endPos)).trim();
        Matcher list = LIST_BEFORE.matcher(before.length() > 120 ? before.substring(before.length() - 120) : before);
        if (line.isEmpty() && mayEndWithList(before) && list.find()) {
            // 2026.2、2026.1.4、および 2025.11.8 以前: one bound per release line
            // Firefox 157、Firefox ESR 140.5、Thunderbird 157 で修正: one bound per named product
            int listStart = Math.max(0, k.start - 200) + before.length() - list.group(0).length();
            phrase = t.substring(listStart, Math.min(t.length(), endPos)).trim();
            boolean labelled = !k.label.isEmpty();
            for (int j = 0; j < i; j++) {
                Tok item = toks.get(j);
                if (item.start >= listStart && !used[j] && !item.skip && item.version.isPresent() && !item.lineToken) {
                    labelled |= !item.label.isEmpty();
                }
            }
            for (int j = 0; j < i; j++) {
                Tok item = toks.get(j);
                if (item.start >= listStart && !used[j] && !item.skip && item.version.isPresent() && !item.lineToken) {
                    ranges.add(new VersionRange(Optional.empty(), true, item.version, inclusive,
                            labelled ? Optional.empty() : Optional.of(item.version.get().line()), item.label, phrase, fixed));
                    used[j] = true;
                }
            }
            ranges.add(new VersionRange(Optional.empty(), true, k.version, inclusive,
                    labelled ? Optional.empty() : Optional.of(k.version.get().line()), k.label, phrase, fixed));
        } else {
            ranges.add(new VersionRange(Optional.empty(), true, k.version, inclusive, line, k.label, phrase, fixed));
        }
        used[i] = true;
    }

    /** Where the clause holding {@code at} begins: "7.4.x は影響を受けますが、7.2 は影響を受けません" has two. */
    private static int clauseStart(String t, int at) {
        int start = 0;
        for (String b : CLAUSE_BREAKS) {
            int i = t.lastIndexOf(b, at - 1);
            if (i >= 0) {
                start = Math.max(start, i + b.length());
            }
        }
        return start;
    }

    /** Cheap test before the list regex: after dropping a trailing product label, does a list separator end it? */
    private static boolean mayEndWithList(String before) {
        int i = before.length();
        while (i > 0) {
            char c = before.charAt(i - 1);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == ' ' || c == '.' || c == '+' || c == '-')) {
                i--;
            } else {
                break;
            }
        }
        String head = before.substring(0, i).stripTrailing();
        for (String sep : LIST_SEPARATORS) {
            if (head.endsWith(sep) || before.endsWith(sep)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Version> lineBefore(String before) {
        Matcher m = LINE_BEFORE.matcher(before.length() > 60 ? before.substring(before.length() - 60) : before);
        return m.find() ? Version.parse(m.group(1)) : Optional.empty();
    }

    private static boolean isJoiner(String between) {
        for (String j : RANGE_JOINERS) {
            if (between.equals(j)) {
                return true;
            }
        }
        return false;
    }

    private static int phraseLength(String after) {
        int best = 0;
        for (String[] group : new String[][]{FIXED_AFTER, LESS_AFTER, AT_MOST_AFTER, AT_LEAST_AFTER, {"まで"}}) {
            for (String p : group) {
                if (after.startsWith(p) && p.length() > best) {
                    best = p.length();
                }
            }
        }
        return best;
    }

    private static boolean phraseAfter(String t, int end, String[] phrases) {
        return startsWithAny(t.substring(end).stripLeading(), phrases);
    }

    private static boolean containsAny(String s, String[] parts) {
        for (String p : parts) {
            if (s.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String s, String[] prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithAny(String s, String[] suffixes) {
        for (String p : suffixes) {
            if (s.endsWith(p) && (s.length() == p.length() || !Character.isLetterOrDigit(s.charAt(s.length() - p.length() - 1))
                    || !isAscii(p.charAt(0)))) {
                return true;
            }
        }
        return false;
    }

    private static String stripVersionWord(String before) {
        String b = before;
        for (String w : new String[]{"のバージョン", "バージョン", "version", "ver.", "ver", "v"}) {
            if (b.endsWith(w) && (w.length() > 1 || b.length() == 1 || !Character.isLetterOrDigit(b.charAt(b.length() - 2)))) {
                String cut = b.substring(0, b.length() - w.length()).stripTrailing();
                // keep "fixed in version" readable to FIXED_BEFORE, which lists both forms
                return cut.isEmpty() ? b : cut;
            }
        }
        return b;
    }

    private static boolean isAscii(char c) {
        return c < 128;
    }

    /** A version-shaped token with its position and the words before it. */
    private record Tok(String text, int start, int end, Optional<Version> version, boolean lineToken, String label,
                       boolean skip) {
    }

    private static List<Tok> tokens(String t) {
        List<Tok> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(t);
        while (m.find()) {
            String text = m.group(1);
            boolean lineToken = text.endsWith(".x");
            String label = labelBefore(t, m.start());
            boolean skip = NOT_PRODUCT_LABELS.contains(lastWord(label)) || NOT_PRODUCT_LABELS.contains(label)
                    || notProductBefore(t, m.start()) || notProductAfter(t, m.end());
            Optional<Version> v = Version.parse(lineToken ? text.substring(0, text.length() - 2) : text);
            out.add(new Tok(text, m.start(), m.end(), v, lineToken, GENERIC_LABELS.contains(label) ? "" : label, skip));
        }
        return out;
    }

    /** The ASCII words right before a version: {@code google chrome} in "google chrome 155.0". */
    static String labelBefore(String t, int start) {
        int i = start;
        while (i > 0) {
            char c = t.charAt(i - 1);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == ' ' || c == '.' || c == '-' || c == '_' || c == '+' || c == '/')) {
                i--;
            } else {
                break;
            }
            if (start - i > 40) {
                break;
            }
        }
        String label = t.substring(i, start).trim();
        for (String g : new String[]{" version", " ver.", " ver", " v"}) {
            if (label.endsWith(g)) {
                label = label.substring(0, label.length() - g.length()).trim();
            }
        }
        if (label.equals("version") || label.equals("v") || label.equals("ver")) {
            return "";
        }
        // drop leading connective words and stray numbers ("and 2025.11.8", "2.4 and")
        label = LEADING_CONNECTIVES.matcher(label).replaceFirst("");
        return TRAILING_PUNCT.matcher(label).replaceFirst("").trim();
    }

    private static String lastWord(String label) {
        int sp = label.lastIndexOf(' ');
        return sp < 0 ? label : label.substring(sp + 1);
    }

    private static boolean notProductBefore(String t, int start) {
        String b = t.substring(Math.max(0, start - 12), start).stripTrailing();
        while (b.endsWith(":") || b.endsWith("=")) {
            b = b.substring(0, b.length() - 1).stripTrailing();
        }
        for (String w : NOT_PRODUCT_JA_BEFORE) {
            if (b.endsWith(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean notProductAfter(String t, int end) {
        String a = t.substring(end, Math.min(t.length(), end + 6)).stripLeading();
        for (String w : NOT_PRODUCT_AFTER) {
            if (a.startsWith(w) && (!isAscii(w.charAt(0)) || a.length() == w.length()
                    || !Character.isLetterOrDigit(a.charAt(w.length())))) {
                return true;
            }
        }
        return false;
    }
}
