package dev.shirase.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The feed formats Shirase reads; the {@code type:} key of feeds.yaml. */
public enum FeedType {
    IPA_ALERT("ipa-alert"),
    JPCERT("jpcert"),
    JVN("jvn"),
    JVNDB("jvndb"),
    MYJVN_ALERT("myjvn-alert"),
    MYJVN_VULN("myjvn-vuln"),
    ICAT("icat"),
    JC3("jc3"),
    KEV("kev"),
    EPSS("epss"),
    RSS("rss");

    private final String key;

    FeedType(String key) {
        this.key = key;
    }

    /** The name used in feeds.yaml. */
    public String key() {
        return key;
    }

    public static Optional<FeedType> fromKey(String key) {
        String wanted = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.key.equals(wanted)).findFirst();
    }

    /** True for enrichment-only feeds (KEV, EPSS) that attach data by CVE instead of adding advisories. */
    public boolean isEnrichment() {
        return this == KEV || this == EPSS;
    }
}
