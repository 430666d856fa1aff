package dev.shirase.web.adapter;

import dev.shirase.app.Services;
import dev.shirase.web.WebServer;

/** Wires the web server to the opened services: the one call {@code run} and {@code demo} need. */
public final class WebApp {

    private WebApp() {
    }

    /**
     * The archive page over the real store, index, matches and outbox, configured by {@code services.config()}
     * ({@code web:}, {@code locale}, {@code schedule.timezone}, {@code templates}). Not started: call
     * {@link WebServer#start()} (configured bind/port) or {@link WebServer#start(String, int)}.
     */
    public static WebServer create(Services services) {
        return WebServer.fromConfig(services.config(),
                new StoreArchiveView(services.database(), services.advisories(), services.sourceStates(),
                        services.index()),
                new InventoryMatchView(services.matches(), services::assets, services.advisories(), services.clock()),
                new OutboxDigestArchive(services.database()));
    }
}
