package dev.shirase.web;

import dev.shirase.config.ShiraseConfig.WebSettings;
import dev.shirase.web.view.DigestArchive;
import dev.shirase.web.view.MatchRow;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A real server on 127.0.0.1 (port 0) over the fixture advisories, plus an HTTP client for the tests. */
final class WebTestBed implements AutoCloseable {

    static final String AFFECTED_REASON = "Google Chrome 150.0.1 ≤ 155.0.8059.39 (sec:cpe google:chrome, JVNDB-2026-037242)";

    final MemoryPorts ports;
    final WebServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    WebTestBed(String auth, Optional<String> userHeader, Optional<String> basicUsers) {
        ports = new MemoryPorts(FixtureAdvisories.all());
        ports.matches.add(new MatchRow("JVNDB-2026-037242", "Chrome", "pc-chrome", "社内PC Chrome", "AFFECTED",
                AFFECTED_REASON, "sec:cpe google:chrome", Optional.of("150.0.1"), null, List.of()));
        server = new WebServer(new WebSettings("127.0.0.1", 0, "http://127.0.0.1", auth, userHeader, basicUsers),
                Locale.JAPANESE, ZoneId.of("Asia/Tokyo"), Path.of("templates"), ports, ports, DigestArchive.none())
                .start("127.0.0.1", 0);
    }

    static WebTestBed open() {
        return new WebTestBed("none", Optional.empty(), Optional.empty());
    }

    static WebTestBed withProxyHeader() {
        return new WebTestBed("header", Optional.of("X-Forwarded-User"), Optional.empty());
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String form, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop();
    }
}
