package dev.shirase.web;

import java.util.Locale;

/** The page language: Japanese by default (or as configured), English with {@code ?lang=en}, kept in every link. */
public enum Lang {
    JA, EN;

    public String code() {
        return this == JA ? "ja" : "en";
    }

    /** The {@code lang} query value if it names a language, else the configured default. */
    public static Lang of(String param, Locale defaultLocale) {
        if ("en".equalsIgnoreCase(param)) {
            return EN;
        }
        if ("ja".equalsIgnoreCase(param)) {
            return JA;
        }
        return "en".equals(defaultLocale.getLanguage()) ? EN : JA;
    }
}
