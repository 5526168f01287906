package org.deeprounds.training.ui;

import com.vaadin.flow.component.Component;
import org.deeprounds.training.RunInfo;

/**
 * A section another feature adds to each run's page (the insight feature adds "Inside the network"), so that
 * training does not depend on the features built on top of it. Implementations are Spring beans.
 */
public interface RunPageSection {

    /** A new section for one page showing {@code run}. */
    Panel create(RunInfo run);

    /** One section on one page. */
    interface Panel {
        Component component();

        /** Called when the run changed (an epoch ended, it finished). */
        void update(RunInfo run);
    }
}
