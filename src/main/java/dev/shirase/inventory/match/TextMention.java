package dev.shirase.inventory.match;

/** A place where free text names an asset: the form found, and whether it named only the vendor's products. */
record TextMention(AssetEntry entry, String form, boolean vendorOnly) {
}
