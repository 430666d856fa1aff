package dev.shirase.deliver.email;

import java.util.Locale;

/** How the SMTP connection is protected: STARTTLS (required, the default), implicit TLS, or none (tests only). */
public enum SmtpSecurity {
    STARTTLS, SSL, NONE;

    public static SmtpSecurity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown smtp security '" + text + "' (expected starttls, ssl or none)", e);
        }
    }
}
