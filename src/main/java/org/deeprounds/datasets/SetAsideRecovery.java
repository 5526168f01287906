package org.deeprounds.datasets;

import java.io.IOException;
import org.deeprounds.base.node.OnServingNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Finishes deletions a crash interrupted, before anything reads the library: a folder set aside whose row still
 * exists (the deletion never committed) goes back into the library; one whose row is gone is removed.
 */
@Component
@Order(5)
@OnServingNode
class SetAsideRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SetAsideRecovery.class);

    private final DatasetStorage storage;
    private final DatasetRepository datasets;

    SetAsideRecovery(DatasetStorage storage, DatasetRepository datasets) {
        this.storage = storage;
        this.datasets = datasets;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (var key : storage.setAsideKeys()) {
            if (datasets.existsByStorageKey(key)) {
                storage.restore(key);
                log.warn("Dataset files {} were set aside by a deletion that did not finish; put back", key);
            } else {
                storage.purge(key);
                log.info("Removed the files of deleted dataset {}", key);
            }
        }
    }
}
