package dev.shirase.ingest;

import dev.shirase.source.FeedSource;
import java.net.URI;
import java.time.Instant;

/** Per-request URL rewriting: icat wants the current unix time in its query ({@code {unixtime}}). */
final class RequestUrls {
    private RequestUrls() {
    }

    static FeedSource forPoll(FeedSource source, Instant now) {
        String url = source.url().toString();
        String withTime = url.replace("{unixtime}", Long.toString(now.getEpochSecond()))
                .replace("%7Bunixtime%7D", Long.toString(now.getEpochSecond()));
        if (withTime.equals(url)) {
            return source;
        }
        return new FeedSource(source.id(), source.type(), URI.create(withTime), source.interval(), source.enabled());
    }
}
