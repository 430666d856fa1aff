package dev.shirase.source.icat;

import java.util.List;

/**
 * One entry of icat's {@code itemdata[]}, exactly as the JSON gave it (strings unparsed, {@code ""} when absent).
 *
 * @param title       {@code item_title}
 * @param link        {@code item_link}
 * @param date        {@code item_date}, e.g. {@code 2016-02-10T12:00:00+09:00}
 * @param identifiers {@code item_identifier}: an array in the real feed, a single string in some copies
 */
public record IcatItem(String title, String link, String date, List<String> identifiers) {
    public IcatItem {
        title = title == null ? "" : title;
        link = link == null ? "" : link;
        date = date == null ? "" : date;
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }
}
