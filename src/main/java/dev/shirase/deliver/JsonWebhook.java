package dev.shirase.deliver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * POSTs a JSON payload to a webhook (Slack incoming webhook, Teams Workflows) and maps the answer:
 * any 2xx is delivered; 429 honours Retry-After; 408, 5xx and network errors are retried; other 4xx are
 * permanent. The URL is a secret, so it never appears in a reason.
 */
public final class JsonWebhook {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI url;

    public JsonWebhook(String url) {
        this.url = URI.create(url);
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public DeliveryResult post(String json) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new DeliveryResult.RetryLater(Duration.ZERO, "network error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.RetryLater(Duration.ZERO, "interrupted");
        }
        int status = response.statusCode();
        String body = abbreviate(response.body());
        if (status >= 200 && status < 300) {
            return new DeliveryResult.Delivered();
        }
        if (status == 429) {
            return new DeliveryResult.RetryLater(
                    RetryAfter.parse(response.headers().firstValue("Retry-After"), Instant.now()),
                    "HTTP 429 rate limited " + body);
        }
        if (status == 408 || status >= 500) {
            return new DeliveryResult.RetryLater(Duration.ZERO, "HTTP " + status + " " + body);
        }
        return new DeliveryResult.Failed("HTTP " + status + " " + body);
    }

    private static String abbreviate(String body) {
        String b = body == null ? "" : body.strip();
        return b.length() > 200 ? b.substring(0, 200) + "…" : b;
    }
}
