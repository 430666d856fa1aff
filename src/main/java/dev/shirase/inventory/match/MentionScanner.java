package dev.shirase.inventory.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds asset names in free text (titles and summaries of advisories that carry no product list) without
 * scanning every asset: each form is indexed under its first ASCII word or first two characters, and a hit is
 * checked in place with word boundaries — so {@code go-sql-driver/mysql} does not name MySQL and
 * {@code chromebook} does not name Chrome.
 */
final class MentionScanner {

    private record Form(AssetEntry entry, String text, boolean vendorOnly) {
    }

    private static final String[] VENDOR_PRODUCT_SUFFIXES = {"製品", "製", " products", " product", "社製", "の製品",
            " 製品", "の複数の製品", "セキュリティ更新", " セキュリティ更新", " security update", "社の製品"};

    private final Map<String, List<Form>> byAnchor = new HashMap<>();

    void add(AssetEntry entry, String form, boolean vendorOnly) {
        byAnchor.computeIfAbsent(anchor(form), k -> new ArrayList<>()).add(new Form(entry, form, vendorOnly));
    }

    /** Mentions in {@code text}, which must already be {@link ProductNames#normalize normalised}; one per asset. */
    List<TextMention> scan(String text) {
        Map<AssetEntry, TextMention> found = new LinkedHashMap<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                int j = i;
                while (j < n && isWordChar(text.charAt(j))) {
                    j++;
                }
                if (i == 0 || !isJoin(text.charAt(i - 1))) {
                    check(text, i, text.substring(i, j), found);
                }
                i = j;
            } else {
                if (c >= 128 && Character.isLetter(c) && i + 1 < n) {
                    check(text, i, text.substring(i, i + 2), found);
                }
                i++;
            }
        }
        return new ArrayList<>(found.values());
    }

    private void check(String text, int at, String key, Map<AssetEntry, TextMention> found) {
        List<Form> forms = byAnchor.get(key);
        if (forms == null) {
            return;
        }
        for (Form f : forms) {
            if (!text.startsWith(f.text, at)) {
                continue;
            }
            int end = at + f.text.length();
            if (f.vendorOnly) {
                if (!followedBy(text, end, VENDOR_PRODUCT_SUFFIXES)) {
                    continue;
                }
            } else if (!boundaryAfter(text, end, f.text)) {
                continue;
            }
            TextMention prev = found.get(f.entry);
            if (prev == null || (prev.vendorOnly() && !f.vendorOnly)) {
                found.put(f.entry, new TextMention(f.entry, f.text, f.vendorOnly));
            }
        }
    }

    private static boolean followedBy(String text, int end, String[] suffixes) {
        for (String s : suffixes) {
            if (text.startsWith(s, end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean boundaryAfter(String text, int end, String form) {
        if (end >= text.length()) {
            return true;
        }
        char c = text.charAt(end);
        char last = form.charAt(form.length() - 1);
        if (last >= 128) {
            return true;
        }
        if (isWordChar(c) || c == '-' || c == '_' || c == '/' || c == '@') {
            return false;
        }
        // "javax.mail" does not name "javax"; a full stop ending a sentence does not matter
        return !(c == '.' && end + 1 < text.length() && isWordChar(text.charAt(end + 1)));
    }

    private static boolean isJoin(char c) {
        return c == '-' || c == '_' || c == '/' || c == '.' || c == '@';
    }

    private static boolean isWordChar(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static String anchor(String form) {
        char c = form.charAt(0);
        if (isWordChar(c)) {
            int j = 0;
            while (j < form.length() && isWordChar(form.charAt(j))) {
                j++;
            }
            return form.substring(0, j);
        }
        return form.substring(0, Math.min(2, form.length()));
    }
}
