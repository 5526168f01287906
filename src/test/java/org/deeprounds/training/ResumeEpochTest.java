package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.function.Predicate;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resuming says the epoch of the checkpoint it goes on from, not the last epoch the database saw: checkpoints are
 * written at most once per interval (30 s by default), so a fast run interrupted at epoch 5 may have only epoch 1's.
 * From the resume on, the epoch counter never goes backwards.
 */
@IntegrationTest
class ResumeEpochTest {

    @Autowired
    RunService runs;

    @Autowired
    DatasetService datasets;

    @Autowired
    TrainingRunRepository repository;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void resume_names_the_checkpoints_epoch_and_the_counter_only_goes_forward() throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("trainee1", null, "ROLE_TRAINEE"));
        long dataset = datasets.list().stream()
                .filter(d -> d.name().startsWith("Breast cancer biopsies"))
                .findFirst()
                .orElseThrow()
                .id();
        long id = runs.submit(dataset, "ehr-mlp", new RunService.Overrides(200, null, null, 11L), null)
                .id();
        waitFor(id, r -> r.epoch() >= 5);
        runs.cancel(id);
        waitFor(id, r -> r.status().finished());
        // What a server stop leaves: the row at the last finished epoch, the checkpoint from the first.
        transactions.executeWithoutResult(s -> {
            var run = repository.findById(id).orElseThrow();
            run.finish(
                    RunStatus.INTERRUPTED,
                    null,
                    0,
                    run.getMetricsJson(),
                    "The server stopped.",
                    java.time.Instant.now());
        });
        int lastSeen = runs.get(id).epoch();
        assertThat(lastSeen).isGreaterThanOrEqualTo(5);

        var resumed = runs.resume(id);
        assertThat(resumed.message())
                .as("the checkpoint holds epoch 1 only")
                .contains("epoch 1")
                .doesNotContain("epoch " + (lastSeen + 1));
        assertThat(resumed.epoch())
                .as("the counter shows where training goes on from")
                .isEqualTo(1);
        assertThat(resumed.history()).hasSize(1);

        var seen = new ArrayList<Integer>();
        var done = waitFor(id, r -> {
            seen.add(r.epoch());
            return r.status().finished();
        });
        assertThat(done.status()).as(done.message()).isEqualTo(RunStatus.COMPLETED);
        assertThat(seen).as("epochs seen after the resume").isSorted();
        assertThat(done.history().getFirst().epoch()).isEqualTo(1);
        for (int i = 0; i < done.history().size(); i++) {
            assertThat(done.history().get(i).epoch()).isEqualTo(i + 1);
        }
    }

    private RunInfo waitFor(long id, Predicate<RunInfo> condition) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            var run = runs.get(id);
            if (condition.test(run)) {
                return run;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("run " + id + " never reached the condition: " + runs.get(id));
    }
}
