package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.function.Predicate;
import org.deeprounds.DeepRoundsApplication;
import org.deeprounds.RestoresSecurityStrategy;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.Modality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The whole server stops while a run trains, and starts again on the same database and data directory: the run is
 * INTERRUPTED, not lost or stuck, and resumes from its last checkpoint (written every epoch here) with the epochs it had done.
 */
@ExtendWith(RestoresSecurityStrategy.class)
class RestartResumeTest {

    @TempDir
    Path dir;

    @Test
    void a_run_stopped_by_a_server_shutdown_is_interrupted_and_resumes_from_its_checkpoint() throws Exception {
        long id;
        java.util.List<EpochMetrics> before;
        try (var first = start()) {
            var runs = first.getBean(RunService.class);
            signIn("trainee1", "TRAINEE");
            long dataset = first.getBean(DatasetService.class).list().stream()
                    .filter(d -> d.modality() == Modality.IMAGING)
                    .findFirst()
                    .orElseThrow()
                    .id();
            id = runs.submit(dataset, "imaging-cnn", new RunService.Overrides(40, null, null, 3L), null)
                    .id();
            var mid = waitFor(runs, id, r -> r.epoch() >= 2);
            assertThat(mid.status()).as("still training after two epochs").isEqualTo(RunStatus.RUNNING);
        }
        try (var second = start()) {
            var runs = second.getBean(RunService.class);
            signIn("trainee1", "TRAINEE");
            var interrupted = runs.get(id);
            assertThat(interrupted.status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(interrupted.message()).contains("shut down", "resume");
            before = interrupted.history();
            assertThat(before).hasSizeGreaterThanOrEqualTo(2);

            signIn("trainee2", "TRAINEE");
            assertThatThrownBy(() -> runs.resume(id)).hasMessageContaining("No run with id " + id);

            signIn("trainee1", "TRAINEE");
            var resumed = runs.resume(id);
            assertThat(resumed.status()).isIn(RunStatus.QUEUED, RunStatus.RUNNING);
            var done = waitFor(runs, id, r -> r.status().finished());

            assertThat(done.status()).as(done.message()).isEqualTo(RunStatus.COMPLETED);
            assertThat(done.history().size()).isGreaterThan(before.size());
            assertThat(done.history().subList(0, before.size())).isEqualTo(before);
            assertThat(done.history().get(before.size()).epoch()).isEqualTo(before.size() + 1);
            // It goes on learning from where it was, not from scratch: the first resumed epoch's training loss is
            // below the first epoch's.
            assertThat(done.history().get(before.size()).trainLoss())
                    .isLessThan(before.getFirst().trainLoss());
            assertThatThrownBy(() -> runs.resume(id)).hasMessageContaining("only an interrupted run can be resumed");
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, since they outrank the test profile's in-memory database.
        return new SpringApplicationBuilder(DeepRoundsApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--deeprounds.data-dir=" + dir.resolve("data"),
                        // A checkpoint after every epoch, so the resumed run goes on from the last one.
                        "--deeprounds.training.checkpoint-interval=0s");
    }

    private static void signIn(String user, String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(user, null, "ROLE_" + role));
    }

    private static RunInfo waitFor(RunService runs, long id, Predicate<RunInfo> condition) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            var run = runs.get(id);
            if (condition.test(run)) {
                return run;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + id + " never reached the condition: " + runs.get(id));
    }
}
