package dev.shirase.web.view;

import dev.shirase.advisory.Advisory;
import java.util.List;

/** An advisory with what the store knows around it: the other ids of the same threat and its revisions. */
public record AdvisoryDetail(Advisory advisory, List<String> relatedIds, List<Revision> revisions) {
    public AdvisoryDetail {
        relatedIds = List.copyOf(relatedIds);
        revisions = List.copyOf(revisions);
    }
}
