package dev.shirase.ingest;

import dev.shirase.source.FeedParser;
import dev.shirase.source.FeedType;
import dev.shirase.source.epss.EpssParser;
import dev.shirase.source.icat.IcatParser;
import dev.shirase.source.jc3.Jc3Parser;
import dev.shirase.source.jvndb.JvndbFeedParser;
import dev.shirase.source.kev.KevParser;
import dev.shirase.source.myjvn.MyJvnAlertJsonParser;
import dev.shirase.source.myjvn.MyJvnAlertParser;
import dev.shirase.source.myjvn.MyJvnVulnParser;
import dev.shirase.source.rss.GenericRssParser;
import dev.shirase.source.rss.IpaAlertParser;
import dev.shirase.source.rss.JpcertParser;
import dev.shirase.source.rss.JvnParser;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The parser for each feed type. Parsers are stateless, so one instance of each serves every poll. */
public final class FeedParsers {
    private final Map<FeedType, FeedParser> parsers = new EnumMap<>(FeedType.class);

    public FeedParsers() {
        parsers.put(FeedType.IPA_ALERT, new IpaAlertParser());
        parsers.put(FeedType.JPCERT, new JpcertParser());
        parsers.put(FeedType.JVN, new JvnParser());
        parsers.put(FeedType.JVNDB, new JvndbFeedParser());
        parsers.put(FeedType.MYJVN_VULN, new MyJvnVulnParser());
        parsers.put(FeedType.MYJVN_ALERT, myJvnAlert(new MyJvnAlertParser(), new MyJvnAlertJsonParser()));
        parsers.put(FeedType.ICAT, new IcatParser());
        parsers.put(FeedType.JC3, new Jc3Parser());
        parsers.put(FeedType.KEV, new KevParser());
        parsers.put(FeedType.EPSS, new EpssParser());
        parsers.put(FeedType.RSS, new GenericRssParser());
    }

    public FeedParser forType(FeedType type) {
        return parsers.get(type);
    }

    /** MyJVN answers getAlertList in XML, or in JSON when asked with {@code ft=json}. */
    private static FeedParser myJvnAlert(FeedParser xml, FeedParser json) {
        return (body, contentType, source) -> {
            boolean wantsJson = source.url().getRawQuery() != null && source.url().getRawQuery().contains("ft=json");
            boolean isJson = contentType.toLowerCase(Locale.ROOT).contains("json");
            return (wantsJson || isJson ? json : xml).parse(body, contentType, source);
        };
    }
}
