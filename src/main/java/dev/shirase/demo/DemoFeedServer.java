package dev.shirase.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the bundled real feed samples on 127.0.0.1, so that the offline demo goes through exactly the same
 * fetcher (HTTP, ETag, gzip) as a real poll. It answers conditional requests like a well-behaved server.
 */
public final class DemoFeedServer implements AutoCloseable {

    /** The bundled samples: source id → (type, resource file, content type). */
    private static final Map<String, Sample> SAMPLES = new LinkedHashMap<>();

    static {
        add("ipa-alert", FeedType.IPA_ALERT, "ipa-alert-rss-sample.rdf", "application/rdf+xml");
        add("jpcert", FeedType.JPCERT, "jpcert-rss-sample.rdf", "application/rdf+xml");
        add("jvn", FeedType.JVN, "jvn-rss-sample.rdf", "application/rdf+xml");
        add("jvndb", FeedType.JVNDB, "jvndb-new-rss-sample.rdf", "application/rdf+xml");
        add("myjvn-alert", FeedType.MYJVN_ALERT, "myjvn-getAlertList-hnd-sample.xml", "application/atom+xml");
        add("icat", FeedType.ICAT, "icat-json-sample.json", "application/json");
        add("jc3", FeedType.JC3, "jc3-top-synthetic.html", "text/html; charset=UTF-8");
        add("cisa-kev", FeedType.KEV, "cisa-kev-sample.json", "application/json");
        add("epss", FeedType.EPSS, "epss-scores-sample.csv", "text/csv");
    }

    private record Sample(FeedType type, String file, String contentType) {
    }

    private static void add(String id, FeedType type, String file, String contentType) {
        SAMPLES.put(id, new Sample(type, file, contentType));
    }

    private final HttpServer server;

    private DemoFeedServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on an ephemeral loopback port. */
    public static DemoFeedServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feeds/", DemoFeedServer::serve);
        server.start();
        return new DemoFeedServer(server);
    }

    /** One source per bundled sample, pointing at this server. */
    public List<FeedSource> sources() {
        int port = server.getAddress().getPort();
        return SAMPLES.entrySet().stream()
                .map(e -> new FeedSource(e.getKey(), e.getValue().type(),
                        URI.create("http://127.0.0.1:" + port + "/feeds/" + e.getValue().file()),
                        Duration.ofMinutes(60), true))
                .toList();
    }

    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/feeds/".length());
            Sample sample = SAMPLES.values().stream().filter(s -> s.file().equals(name)).findFirst().orElse(null);
            byte[] body = sample == null ? null : read(name);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 8) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Content-Type", sample.contentType());
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = DemoFeedServer.class.getResourceAsStream("/demo/feeds/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
