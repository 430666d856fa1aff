package dev.shirase.inventory.match;

import dev.shirase.inventory.Asset;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The normalised name forms by which an asset or an advisory names a product: NFKC, case-folded, underscores and
 * runs of white space as one space ({@code Apache_HTTP　Server → apache http server}). Forms are compared whole.
 */
public final class ProductNames {

    /** Words that say nothing about who the vendor is. */
    private static final Set<String> VENDOR_STOP = Set.of("software", "foundation", "inc", "inc.", "corp", "corp.",
            "corporation", "ltd", "ltd.", "co", "co.", "llc", "project", "the", "systems", "technologies", "technology",
            "group", "株式会社", "gmbh", "ag", "sa", "labs", "international", "networks", "org", "com", "team", "community");

    private ProductNames() {
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String t = text;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) >= 128) {
                if (!Normalizer.isNormalized(t, Normalizer.Form.NFKC)) {
                    t = Normalizer.normalize(t, Normalizer.Form.NFKC);
                }
                break;
            }
        }
        // one pass instead of regexes: this runs for every advisory product and text at ingest
        StringBuilder sb = new StringBuilder(t.length());
        boolean pendingSpace = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '_' || c == '「' || c == '」' || Character.isWhitespace(c)) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.append(c < 128 ? (char) (c >= 'A' && c <= 'Z' ? c + 32 : c) : Character.toLowerCase(c));
        }
        return sb.toString();
    }

    /** Forms for exact comparison with an advisory's product names: product, vendor + product, aliases, cpe. */
    public static Set<String> assetForms(Asset a) {
        Set<String> out = new LinkedHashSet<>();
        String vendor = normalize(a.vendor());
        String product = normalize(a.product());
        addProduct(out, vendor, product);
        a.cpe().ifPresent(c -> addProduct(out, normalize(c.vendor()), normalize(c.product())));
        for (String alias : a.aliases()) {
            add(out, normalize(alias));
        }
        add(out, normalize(a.name()));
        return out;
    }

    /** Forms to look for in free text: product, vendor + product, cpe product, aliases (not the local name). */
    public static Set<String> assetTextForms(Asset a) {
        Set<String> out = new LinkedHashSet<>();
        String vendor = normalize(a.vendor());
        String product = normalize(a.product());
        addProduct(out, vendor, product);
        a.cpe().ifPresent(c -> addProduct(out, normalize(c.vendor()), normalize(c.product())));
        for (String alias : a.aliases()) {
            add(out, normalize(alias));
        }
        out.removeIf(f -> f.length() < (isAscii(f) ? 3 : 2));
        return out;
    }

    /** Forms of an advisory product (vendor and product as written, and from its CPE). */
    public static Set<String> productForms(String vendor, String product) {
        Set<String> out = new LinkedHashSet<>();
        addProduct(out, normalize(vendor), normalize(product));
        return out;
    }

    /** Vendor tokens that identify a vendor (stop words removed). */
    public static Set<String> vendorTokens(String vendor) {
        Set<String> out = new LinkedHashSet<>();
        String v = normalize(vendor);
        if (v.isEmpty()) {
            return out;
        }
        if (!isAscii(v)) {
            VendorNames.english(v).ifPresent(out::add);
        }
        int start = 0;
        for (int i = 0; i <= v.length(); i++) {
            if (i == v.length() || " ,./()-".indexOf(v.charAt(i)) >= 0) {
                if (i > start) {
                    String tok = v.substring(start, i);
                    if (!VENDOR_STOP.contains(tok)) {
                        out.add(tok);
                    }
                }
                start = i + 1;
            }
        }
        return out;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static void addProduct(Set<String> out, String vendor, String product) {
        if (product.isEmpty()) {
            return;
        }
        add(out, product);
        if (!vendor.isEmpty()) {
            if (product.startsWith(vendor + " ")) {
                add(out, product.substring(vendor.length() + 1));
            } else {
                add(out, vendor + " " + product);
            }
        }
    }

    private static void add(Set<String> out, String form) {
        if (!form.isBlank()) {
            out.add(form);
        }
    }
}
