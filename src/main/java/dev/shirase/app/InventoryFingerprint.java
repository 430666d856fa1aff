package dev.shirase.app;

import dev.shirase.inventory.Asset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A digest of everything about the assets that can change a verdict, to notice an edited inventory. */
final class InventoryFingerprint {
    private InventoryFingerprint() {
    }

    static String of(List<Asset> assets) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Asset a : assets) {
                sha.update(String.join("\u0000", a.id(), a.name(), a.vendor(), a.product(), a.version().orElse(""),
                        a.cpe().map(dev.shirase.inventory.cpe.Cpe::uri).orElse(""), String.join("\u0001", a.aliases()))
                        .getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
