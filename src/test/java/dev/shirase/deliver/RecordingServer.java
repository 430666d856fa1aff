package dev.shirase.deliver;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP server on 127.0.0.1 standing in for Slack or Teams: it answers with scripted responses (then
 * the default one) and records every request it received.
 */
public final class RecordingServer implements AutoCloseable {
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse("");
        }
    }

    public record Response(int status, String body, Map<String, String> headers) {
        public static Response of(int status, String body) {
            return new Response(status, body, Map.of());
        }
    }

    private final HttpServer server;
    private final Deque<Response> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private volatile Response fallback;

    public RecordingServer(Response fallback) throws IOException {
        this(fallback, 0);
    }

    /** On a given port (0: any free one). */
    public RecordingServer(Response fallback, int port) throws IOException {
        this.fallback = fallback;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Response r;
            synchronized (this) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()), body));
                r = script.isEmpty() ? this.fallback : script.poll();
            }
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            if (!r.body().isEmpty()) {
                exchange.getResponseHeaders().add("Content-Type",
                        r.body().startsWith("{") ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
            }
            exchange.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    /** Answers the next requests with these responses, in order. */
    public synchronized RecordingServer then(Response... responses) {
        script.addAll(List.of(responses));
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
