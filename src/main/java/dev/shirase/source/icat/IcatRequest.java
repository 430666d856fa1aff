package dev.shirase.source.icat;

import java.net.URI;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Builds the icat request URL. icat wants the current unix time as the first query word
 * ({@code IPARssReader.php?1455076702&tool=icatw}), so feeds.yaml holds the token {@code {unixtime}}.
 * {@link URI} cannot hold a raw brace, so the token is accepted both raw and percent-encoded ({@code %7Bunixtime%7D}).
 */
public final class IcatRequest {

    private static final Pattern TOKEN = Pattern.compile("(?i)\\{unixtime\\}|%7Bunixtime%7D");

    private IcatRequest() {
    }

    /** {@code configured} with the {@code {unixtime}} token replaced by {@code now} in epoch seconds; unchanged if absent. */
    public static URI url(URI configured, Instant now) {
        return URI.create(url(configured.toString(), now));
    }

    /** As {@link #url(URI, Instant)}, for the template as written in feeds.yaml (raw braces allowed). */
    public static String url(String configured, Instant now) {
        return TOKEN.matcher(configured).replaceAll(Long.toString(now.getEpochSecond()));
    }
}
