package dev.shirase.source.myjvn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.source.FeedParseException;
import java.util.Optional;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * MyJVN's {@code status:Status}: {@code retCd} 0 is success, anything else an API error with {@code errCd} /
 * {@code errMsg}; {@code totalRes} is the number of hits on the server (pages hold at most {@code retMax}, 50).
 */
public record MyJvnStatus(String retCd, String errCd, String errMsg, String totalRes, String totalResRet,
                          String firstRes) {
    public static final String NAMESPACE = "http://jvndb.jvn.jp/myjvn/Status";
    private static final Namespace NS = Namespace.getNamespace(NAMESPACE);

    public MyJvnStatus {
        retCd = clean(retCd);
        errCd = clean(errCd);
        errMsg = clean(errMsg);
        totalRes = clean(totalRes);
        totalResRet = clean(totalResRet);
        firstRes = clean(firstRes);
    }

    private static String clean(String s) {
        return s == null ? "" : s.trim();
    }

    /** The {@code status:Status} child of the document root, if any. */
    public static Optional<MyJvnStatus> of(Element root) {
        Element s = root.getChild("Status", NS);
        if (s == null) {
            return Optional.empty();
        }
        return Optional.of(new MyJvnStatus(s.getAttributeValue("retCd"), s.getAttributeValue("errCd"),
                s.getAttributeValue("errMsg"), s.getAttributeValue("totalRes"), s.getAttributeValue("totalResRet"),
                s.getAttributeValue("firstRes")));
    }

    /** The JSON form ({@code "status:Status"} object; numbers or strings). */
    public static Optional<MyJvnStatus> of(JsonNode status) {
        if (status == null || !status.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new MyJvnStatus(status.path("retCd").asText(""), status.path("errCd").asText(""),
                status.path("errMsg").asText(""), status.path("totalRes").asText(""),
                status.path("totalResRet").asText(""), status.path("firstRes").asText("")));
    }

    /** @throws FeedParseException when the API reports an error (retCd other than 0) */
    public void requireSuccess(String label) throws FeedParseException {
        if (!"0".equals(retCd)) {
            throw new FeedParseException(label + ": MyJVN API error retCd=" + (retCd.isEmpty() ? "(none)" : retCd)
                    + " errCd=" + errCd + " errMsg=" + errMsg);
        }
    }

    /** {@code totalRes} as a number, or {@code fallback} when absent or unreadable. */
    public int total(int fallback) {
        try {
            return Integer.parseInt(totalRes);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
