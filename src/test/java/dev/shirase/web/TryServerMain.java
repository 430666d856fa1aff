package dev.shirase.web;

import dev.shirase.config.ShiraseConfig.WebSettings;
import dev.shirase.web.view.DigestArchive;
import dev.shirase.web.view.MatchRow;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Scratch: runs the server on the memory ports for manual poking. */
public class TryServerMain {
    public static void main(String[] args) throws Exception {
        MemoryPorts p = new MemoryPorts(FixtureAdvisories.all());
        p.matches.add(new MatchRow("JVNDB-2026-037242", "Chrome", "pc-chrome", "社内PC Chrome", "AFFECTED",
                "Google Chrome 150.0 ≤ 155.0.8059.39 (sec:cpe google:chrome)", "sec:cpe google:chrome", Optional.of("150.0"), null, List.of()));
        WebServer s = new WebServer(new WebSettings("127.0.0.1", 0, "", "header", Optional.of("X-Forwarded-User"), Optional.empty()),
                Locale.JAPANESE, ZoneId.of("Asia/Tokyo"), Path.of("templates"), p, p, DigestArchive.none()).start("127.0.0.1", Integer.parseInt(args[0]));
        Thread.sleep(Long.parseLong(args[1]));
        s.stop();
    }
}
