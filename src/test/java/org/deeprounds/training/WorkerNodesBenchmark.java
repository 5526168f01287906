package org.deeprounds.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.deeprounds.datasets.DatasetService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A lab hour in small: 40 lesson runs (20 trainees pressing Train twice, the foundations lesson's design on the
 * breast-biopsy table) on a web node with one, then two worker processes, each pinned to one core with taskset.
 * Prints each run's queue wait (queued to started) and the total time from the first submission to the last result.
 * {@code mvn test -Dtest=WorkerNodesBenchmark -Dbenchmark=true} with PostgreSQL reachable (docs/benchmarks.md).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@EnabledIf("org.deeprounds.TestPostgres#reachable")
@org.junit.jupiter.api.extension.ExtendWith(org.deeprounds.RestoresSecurityStrategy.class)
class WorkerNodesBenchmark {

    private static final int TRAINEES = 20;
    private static final int RUNS_EACH = 2;

    @Test
    void forty_lesson_runs_on_one_and_on_two_single_core_workers() throws Exception {
        var lines = new ArrayList<String>();
        for (int workers = 1; workers <= 2; workers++) {
            lines.add(measure(workers));
        }
        lines.forEach(System.out::println);
    }

    private static String measure(int workerCount) throws Exception {
        try (var nodes = new NodeProcesses()) {
            var names = new String[workerCount];
            for (int i = 0; i < workerCount; i++) {
                names[i] = "bench-" + (i + 1);
                nodes.startWorker(names[i], List.of("taskset", "-c", Integer.toString(i)));
            }
            nodes.awaitAlive(names);
            var runs = nodes.web().getBean(RunService.class);
            signIn("trainee1");
            long dataset = nodes.web().getBean(DatasetService.class).list().stream()
                    .filter(d -> d.name().startsWith("Breast cancer biopsies"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            var ids = new ArrayList<Long>();
            for (int round = 0; round < RUNS_EACH; round++) {
                for (int t = 1; t <= TRAINEES; t++) {
                    signIn("trainee" + t);
                    ids.add(runs.submit(dataset, "ehr-mlp", null, null).id());
                }
            }
            signIn("admin", "ADMIN");
            var done = new ArrayList<RunInfo>();
            for (long id : ids) {
                RunInfo run;
                while (!(run = runs.get(id)).status().finished()) {
                    Thread.sleep(200);
                }
                done.add(run);
            }
            var waits = done.stream()
                    .map(r -> Duration.between(r.queuedAt(), r.startedAt()).toMillis())
                    .sorted()
                    .toList();
            var trains = done.stream()
                    .map(r -> Duration.between(r.startedAt(), r.finishedAt()).toMillis())
                    .sorted()
                    .toList();
            var first = done.stream()
                    .map(RunInfo::queuedAt)
                    .min(java.util.Comparator.naturalOrder())
                    .orElseThrow();
            var last = done.stream()
                    .map(RunInfo::finishedAt)
                    .max(java.util.Comparator.naturalOrder())
                    .orElseThrow();
            long completed =
                    done.stream().filter(r -> r.status() == RunStatus.COMPLETED).count();
            return String.format(
                    java.util.Locale.ROOT,
                    "workers=%d runs=%d completed=%d wait median=%.1fs max=%.1fs | run median=%.1fs | total=%.1fs",
                    workerCount,
                    done.size(),
                    completed,
                    median(waits) / 1000.0,
                    waits.getLast() / 1000.0,
                    median(trains) / 1000.0,
                    Duration.between(first, last).toMillis() / 1000.0);
        }
    }

    private static double median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static void signIn(String user) {
        signIn(user, "TRAINEE");
    }

    private static void signIn(String user, String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(user, null, "ROLE_" + role));
    }
}
