package dev.shirase.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Synchronizer tokens for state-changing forms, bound to the identified user and the day: HMAC-SHA256 of
 * (user, UTC date) under a key drawn at start. A page from another site cannot read the token, so it cannot forge
 * the POST even though the browser would send the user's credentials. A token is accepted on its day and the next
 * (a form left open overnight still works); a restart invalidates open forms (they simply reload).
 */
public final class CsrfTokens {

    private final byte[] key;
    private final Clock clock;

    public CsrfTokens() {
        this(Clock.systemUTC());
    }

    CsrfTokens(Clock clock) {
        this.clock = clock;
        this.key = new byte[32];
        new SecureRandom().nextBytes(key);
    }

    /** Today's token for {@code user}. */
    public String tokenFor(String user) {
        return token(user, today());
    }

    public boolean valid(String user, String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        byte[] given = token.getBytes(StandardCharsets.US_ASCII);
        LocalDate today = today();
        return MessageDigest.isEqual(token(user, today).getBytes(StandardCharsets.US_ASCII), given)
                | MessageDigest.isEqual(token(user, today.minusDays(1)).getBytes(StandardCharsets.US_ASCII), given);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private String token(String user, LocalDate day) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal(("triage\u0000" + user + "\u0000" + day).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
