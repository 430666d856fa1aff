package dev.shirase.inventory.store;

/** Triage asked for an advisory × asset that has no stored match. */
public class UnknownMatchException extends RuntimeException {
    public UnknownMatchException(String advisoryId, String assetId) {
        super("no match stored for advisory " + advisoryId + " and asset " + assetId);
    }
}
