package dev.shirase.web;

import dev.shirase.source.SourceState;
import dev.shirase.web.view.ArchiveView;
import dev.shirase.web.view.Readiness;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /health} (liveness + readiness), {@code /metrics} (Prometheus text) and the one stylesheet. */
final class OpsRoutes {

    private final ArchiveView archive;
    private final RequestMetrics metrics;
    private final byte[] css;

    OpsRoutes(ArchiveView archive, RequestMetrics metrics) {
        this.archive = archive;
        this.metrics = metrics;
        try (InputStream in = OpsRoutes.class.getResourceAsStream("/web/static/shirase.css")) {
            if (in == null) {
                throw new IllegalStateException("web/static/shirase.css missing from the classpath");
            }
            this.css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 200 when ready, 503 (still alive, answering) when the database or the index is not. */
    void health(Context ctx) {
        Readiness r = archive.readiness();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", r.ready() ? "UP" : "DOWN");
        body.put("live", true);
        body.put("ready", r.ready());
        body.put("database", Map.of("up", r.database(), "detail", r.databaseDetail()));
        body.put("index", Map.of("up", r.index(), "detail", r.indexDetail()));
        Json.send(ctx, r.ready() ? 200 : 503, body);
    }

    void metrics(Context ctx) {
        StringBuilder out = new StringBuilder(4096);
        metrics.appendTo(out);
        Readiness r = archive.readiness();
        gauge(out, "shirase_up", "1 when the database and the index answer.", r.ready() ? 1 : 0);
        if (r.database()) {
            gauge(out, "shirase_advisories_total", "Advisories in the archive.", archive.advisoryCount());
            List<SourceState> sources = archive.sources();
            gauge(out, "shirase_sources", "Sources known.", sources.size());
            gauge(out, "shirase_sources_healthy", "Sources whose last poll succeeded.",
                    sources.stream().filter(SourceState::healthy).count());
        }
        ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8").result(out.toString());
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        out.append(name).append(' ').append(value).append('\n');
    }

    void css(Context ctx) {
        ctx.status(200).contentType("text/css; charset=utf-8").header("Cache-Control", "public, max-age=3600")
                .result(css);
    }
}
