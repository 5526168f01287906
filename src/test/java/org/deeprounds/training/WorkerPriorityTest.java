package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A training thread lowers only its own priority: the thread that started it keeps its own. */
class WorkerPriorityTest {

    @Test
    void a_worker_thread_runs_at_nice_10_and_its_starter_is_untouched() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        var before = WorkerPriority.currentNiceness();
        var seen = new AtomicReference<Integer>();
        var worker = new Thread(() -> {
            if (WorkerPriority.lowerCurrentThread()) {
                seen.set(WorkerPriority.currentNiceness());
            }
        });
        worker.start();
        worker.join();

        assumeTrue(seen.get() != null, "renice is not installed here");
        assertThat(seen.get()).isEqualTo(before + WorkerPriority.NICENESS);
        assertThat(WorkerPriority.currentNiceness()).isEqualTo(before);
    }
}
