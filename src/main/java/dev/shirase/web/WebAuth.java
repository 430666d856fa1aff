package dev.shirase.web;

import dev.shirase.config.ShiraseConfig.WebSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who is asking, per {@code web.auth}: {@code none} (reading is open, nobody is identified, so triage is refused),
 * {@code basic} (HTTP basic against {@code web.basic-users}, "user:password,…" from an environment variable) or
 * {@code header} (a trusted reverse proxy names the user in {@code web.user-header}, e.g. X-Forwarded-User).
 * Passwords are only ever compared (in constant time), never logged or shown.
 */
public final class WebAuth {

    /** How reading is controlled. */
    public enum Mode { NONE, BASIC, HEADER }

    private final Mode mode;
    private final Map<String, byte[]> passwords;
    private final String userHeader;

    private WebAuth(Mode mode, Map<String, byte[]> passwords, String userHeader) {
        this.mode = mode;
        this.passwords = passwords;
        this.userHeader = userHeader;
    }

    /**
     * @throws IllegalArgumentException when basic auth has no users or header auth no header name (never
     *                                  echoing a password)
     */
    public static WebAuth from(WebSettings web) {
        Mode mode = Mode.valueOf(web.auth().trim().toUpperCase(Locale.ROOT));
        Map<String, byte[]> users = new LinkedHashMap<>();
        if (mode == Mode.BASIC) {
            for (String entry : web.basicUsers().orElse("").split(",")) {
                String e = entry.strip();
                int colon = e.indexOf(':');
                if (e.isEmpty()) {
                    continue;
                }
                if (colon <= 0 || colon == e.length() - 1) {
                    throw new IllegalArgumentException("web.basic-users: every entry must be user:password (entry "
                            + (users.size() + 1) + " is not)");
                }
                users.put(e.substring(0, colon), e.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
            }
            if (users.isEmpty()) {
                throw new IllegalArgumentException("web.auth is basic but web.basic-users names no user");
            }
        }
        String header = web.userHeader().map(String::strip).orElse("");
        if (mode == Mode.HEADER && header.isEmpty()) {
            throw new IllegalArgumentException("web.auth is header but web.user-header is not set");
        }
        return new WebAuth(mode, Map.copyOf(users), header);
    }

    public Mode mode() {
        return mode;
    }

    /**
     * The identified user of a request, given its headers.
     *
     * @param header reads one request header (null when absent)
     * @return the user, or empty when reading is open and nobody is identified
     * @throws WebAuthException 401 when access control is on and the request does not pass it
     */
    public Optional<String> identify(java.util.function.Function<String, String> header) {
        switch (mode) {
            case NONE:
                return Optional.empty();
            case HEADER: {
                String user = header.apply(userHeader);
                if (user == null || user.isBlank() || user.length() > 200) {
                    throw new WebAuthException(401, "not signed in (no " + userHeader + " from the proxy)");
                }
                return Optional.of(user.strip());
            }
            default: {
                String auth = header.apply("Authorization");
                if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
                    throw new WebAuthException(401, "sign-in required");
                }
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new WebAuthException(401, "sign-in required");
                }
                int colon = decoded.indexOf(':');
                String user = colon < 0 ? decoded : decoded.substring(0, colon);
                byte[] given = (colon < 0 ? "" : decoded.substring(colon + 1)).getBytes(StandardCharsets.UTF_8);
                byte[] expected = passwords.get(user);
                // Compare against something even for unknown users so timing does not tell which users exist.
                boolean ok = MessageDigest.isEqual(expected == null ? new byte[given.length + 1] : expected, given);
                if (expected == null || !ok) {
                    throw new WebAuthException(401, "sign-in required");
                }
                return Optional.of(user);
            }
        }
    }
}
