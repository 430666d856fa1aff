package dev.shirase.web.view;

import java.util.List;
import java.util.Optional;

/** Past digests and alerts, newest first, as they were sent. */
public interface DigestArchive {

    /** Digests of one audience (staff / admins), or all; newest first. */
    List<SentDigest> digests(Optional<String> audience);

    /** Nothing delivered yet (delivery not configured). */
    static DigestArchive none() {
        return audience -> List.of();
    }
}
