package dev.shirase.web;

/** Advisory ids in paths: ids hold '#' (JVN#12345678) and may hold '/', so each path segment is encoded apart. */
public final class PathIds {

    private PathIds() {
    }

    /** {@code /advisories/JVN%2312345678} for id {@code JVN#12345678}. */
    public static String advisoryPath(String id) {
        return "/advisories/" + encode(id);
    }

    public static String encode(String id) {
        StringBuilder sb = new StringBuilder();
        String[] segments = id.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(SearchParams.encode(segments[i]));
        }
        return sb.toString();
    }
}
