package dev.shirase.source.rss;

/**
 * One {@code sec:cpe} element as written. {@code version} is the attribute: in JVN iPedia feeds it is the CPE
 * <em>format</em> version ("2.2"), not a product version.
 */
public record SecCpe(String cpe, String vendor, String product, String version) {
    public SecCpe {
        cpe = cpe == null ? "" : cpe.trim();
        vendor = vendor == null ? "" : vendor.trim();
        product = product == null ? "" : product.trim();
        version = version == null ? "" : version.trim();
    }
}
