package dev.shirase.source;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from URLs and from texts that may quote URLs (exception messages), so that
 * tokens in query strings ({@code token=}, {@code key=}, {@code api_key=} …) and user:password
 * credentials never reach logs, error messages or pages.
 */
public final class UrlRedactor {
    static final String MASK = "REDACTED";

    private static final Pattern SECRET_PARAM = Pattern.compile(
            "([?&;]([A-Za-z0-9_.\\-]*)=)([^&;#\\s\"'<>]*)");
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.\\-]*://)[^/@\\s?#]+@");

    private UrlRedactor() {
    }

    /** The URL as text with secret query values and any user-info replaced by {@value #MASK}. */
    public static String redact(URI uri) {
        return uri == null ? "" : redactText(uri.toString());
    }

    /** Redacts every URL-like secret in free text (e.g. an exception message quoting a URL). */
    public static String redactText(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String noUserInfo = USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        Matcher m = SECRET_PARAM.matcher(noUserInfo);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(3);
            // Sentence punctuation right after a URL ("…?token=x: refused") is not part of the value.
            String trailing = value.replaceFirst("^.*?([:,.)\\]]*)$", "$1");
            String secret = value.substring(0, value.length() - trailing.length());
            String replacement = isSecretName(m.group(2)) && !secret.isEmpty() ? m.group(1) + MASK + trailing : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** True for parameter names that usually carry credentials; over-redacting is harmless, under-redacting is not. */
    static boolean isSecretName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("-", "_");
        return n.contains("token") || n.contains("secret") || n.contains("passw") || n.contains("credential")
                || n.contains("session") || n.contains("auth") || n.contains("signature")
                || n.equals("key") || n.endsWith("key") || n.endsWith("_key") || n.equals("sig") || n.equals("pwd")
                || n.equals("sid") || n.startsWith("x_amz_");
    }
}
