package dev.shirase.web.view;

import dev.shirase.source.SourceState;
import java.util.List;
import java.util.Optional;

/** The archive as the web pages read it: search, one advisory, source health, counts. */
public interface ArchiveView {

    ResultPage search(SearchForm form);

    Optional<AdvisoryDetail> advisory(String id);

    /** Every known source's polling state, ordered by id. */
    List<SourceState> sources();

    long advisoryCount();

    Readiness readiness();
}
