package dev.shirase.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Synchronizer tokens for state-changing forms, bound to the identified user: HMAC-SHA256 of the user name under a
 * key drawn at start. A page from another site cannot read the token, so it cannot forge the POST even though the
 * browser would send the user's credentials. A restart invalidates open forms (they simply reload).
 */
public final class CsrfTokens {

    private final byte[] key;

    public CsrfTokens() {
        this.key = new byte[32];
        new SecureRandom().nextBytes(key);
    }

    public String tokenFor(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal(("triage\u0000" + user).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public boolean valid(String user, String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(user).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
