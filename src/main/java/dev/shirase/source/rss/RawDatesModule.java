package dev.shirase.source.rss;

import com.rometools.rome.feed.module.Module;

/**
 * The date strings of one item exactly as written. Rome turns dates into {@code java.util.Date}, which loses the
 * feed's UTC offset; Shirase keeps {@code +09:00} as published, so it reads the text itself. "" when absent.
 */
public interface RawDatesModule extends Module {
    /** A private URI: the module is looked up by it, it never appears in a document. */
    String URI = "urn:shirase:rome:raw-dates";

    String getDcDate();

    void setDcDate(String value);

    String getDctermsIssued();

    void setDctermsIssued(String value);

    String getDctermsModified();

    void setDctermsModified(String value);

    /** RSS 0.9x/2.0 {@code pubDate}. */
    String getPubDate();

    void setPubDate(String value);

    String getAtomPublished();

    void setAtomPublished(String value);

    String getAtomUpdated();

    void setAtomUpdated(String value);
}
