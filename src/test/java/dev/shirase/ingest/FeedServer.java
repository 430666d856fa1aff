package dev.shirase.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 for pipeline tests: each path serves whatever {@link Response} the test put there,
 * answers conditional requests like a well-behaved server, and records every request. One per test class.
 */
public final class FeedServer implements AutoCloseable {
    /** What the server answers on one path. */
    public record Response(int status, byte[] body, String contentType, String etag, String lastModified,
                           Map<String, String> headers, long delayMillis, boolean honourValidators) {
        public static Response ok(byte[] body, String contentType) {
            return new Response(200, body, contentType, null, null, Map.of(), 0, true);
        }

        public Response withEtag(String value) {
            return new Response(status, body, contentType, value, lastModified, headers, delayMillis, honourValidators);
        }

        public Response withLastModified(String value) {
            return new Response(status, body, contentType, etag, value, headers, delayMillis, honourValidators);
        }

        public Response withHeader(String name, String value) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(name, value);
            return new Response(status, body, contentType, etag, lastModified, Map.copyOf(h), delayMillis,
                    honourValidators);
        }

        public Response withDelay(long millis) {
            return new Response(status, body, contentType, etag, lastModified, headers, millis, honourValidators);
        }

        /** A server that never answers 304, whatever the request says. */
        public Response ignoringValidators() {
            return new Response(status, body, contentType, etag, lastModified, headers, delayMillis, false);
        }
    }

    /** One request as the server saw it. */
    public record Seen(String path, String query, String ifNoneMatch, String ifModifiedSince) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "feed-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.Function<String, Response>> dynamic = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code response} at {@code path} from now on. */
    public void put(String path, Response response) {
        responses.put(path, response);
    }

    /** Serves at {@code path} whatever {@code byQuery} makes of the request's raw query. */
    public void putDynamic(String path, java.util.function.Function<String, Response> byQuery) {
        dynamic.put(path, byQuery);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Seen> requests(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    /** A fixture of src/test/resources/fixtures/feeds. */
    public static byte[] fixture(String name) {
        try (InputStream in = FeedServer.class.getResourceAsStream("/fixtures/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fixtureText(String name) {
        return new String(fixture(name), StandardCharsets.UTF_8);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getRawQuery();
            seen.add(new Seen(path, query, ex.getRequestHeaders().getFirst("If-None-Match"),
                    ex.getRequestHeaders().getFirst("If-Modified-Since")));
            Response r = dynamic.containsKey(path) ? dynamic.get(path).apply(query) : responses.get(path);
            if (r == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (r.delayMillis() > 0) {
                try {
                    Thread.sleep(r.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (r.contentType() != null) {
                ex.getResponseHeaders().add("Content-Type", r.contentType());
            }
            if (r.etag() != null) {
                ex.getResponseHeaders().add("ETag", r.etag());
            }
            if (r.lastModified() != null) {
                ex.getResponseHeaders().add("Last-Modified", r.lastModified());
            }
            r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            if (r.honourValidators() && r.status() == 200 && notModified(ex, r)) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        } catch (IOException clientWentAway) {
            // the fetcher hangs up on purpose (size cap, timeout)
        }
    }

    private static boolean notModified(HttpExchange ex, Response r) {
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        if (r.etag() != null && inm != null) {
            return inm.equals(r.etag());
        }
        String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
        return r.lastModified() != null && r.lastModified().equals(ims);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
