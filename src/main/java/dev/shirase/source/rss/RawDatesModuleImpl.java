package dev.shirase.source.rss;

import com.rometools.rome.feed.CopyFrom;

/** The {@link RawDatesModule} bean. */
public class RawDatesModuleImpl implements RawDatesModule {
    private static final long serialVersionUID = 1L;

    private String dcDate = "";
    private String dctermsIssued = "";
    private String dctermsModified = "";
    private String pubDate = "";
    private String atomPublished = "";
    private String atomUpdated = "";

    private static String clean(String s) {
        return s == null ? "" : s.trim();
    }

    @Override
    public String getUri() {
        return URI;
    }

    @Override
    public String getDcDate() {
        return dcDate;
    }

    @Override
    public void setDcDate(String value) {
        dcDate = clean(value);
    }

    @Override
    public String getDctermsIssued() {
        return dctermsIssued;
    }

    @Override
    public void setDctermsIssued(String value) {
        dctermsIssued = clean(value);
    }

    @Override
    public String getDctermsModified() {
        return dctermsModified;
    }

    @Override
    public void setDctermsModified(String value) {
        dctermsModified = clean(value);
    }

    @Override
    public String getPubDate() {
        return pubDate;
    }

    @Override
    public void setPubDate(String value) {
        pubDate = clean(value);
    }

    @Override
    public String getAtomPublished() {
        return atomPublished;
    }

    @Override
    public void setAtomPublished(String value) {
        atomPublished = clean(value);
    }

    @Override
    public String getAtomUpdated() {
        return atomUpdated;
    }

    @Override
    public void setAtomUpdated(String value) {
        atomUpdated = clean(value);
    }

    @Override
    public Class<? extends CopyFrom> getInterface() {
        return RawDatesModule.class;
    }

    @Override
    public void copyFrom(CopyFrom obj) {
        RawDatesModule o = (RawDatesModule) obj;
        setDcDate(o.getDcDate());
        setDctermsIssued(o.getDctermsIssued());
        setDctermsModified(o.getDctermsModified());
        setPubDate(o.getPubDate());
        setAtomPublished(o.getAtomPublished());
        setAtomUpdated(o.getAtomUpdated());
    }

    @Override
    public Object clone() {
        RawDatesModuleImpl copy = new RawDatesModuleImpl();
        copy.copyFrom(this);
        return copy;
    }
}
