package org.deeprounds.training;

import java.util.Collection;
import java.util.Map;

/**
 * What started a run, told by a feature built on training (the curriculum knows which lesson step started which
 * run), so that training never depends on those features. Implementations are Spring beans; with none, every run is
 * simply the trainee's own.
 */
public interface RunOrigins {

    /** For those of {@code runIds} that this feature started: what started it, e.g. "lesson 'Judging a model'". */
    Map<Long, String> of(Collection<Long> runIds);
}
