package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.deeprounds.datasets.DatasetService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A class's worth of training on one web node and separate worker processes sharing one PostgreSQL database and one
 * data directory, as an installation runs them: runs from several trainees each train once, fairly, on both workers;
 * a worker killed mid-run (kill -9) has its run finished by another from its checkpoint; a cancel pressed on the web
 * node stops a run on a worker; a worker shutting down cleanly hands its run back. The web node is this test's Spring
 * context (it trains nothing); each worker is a JVM started from the same class path with
 * {@code DEEPROUNDS_NODE_ROLE=worker}. Skipped where no PostgreSQL server is reachable (CI starts one).
 */
@EnabledIf("org.deeprounds.TestPostgres#reachable")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(org.deeprounds.RestoresSecurityStrategy.class)
class WorkerNodesTest {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WorkerNodesTest.class);

    private static NodeProcesses nodes;
    private static RunService runs;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startNodes() throws Exception {
        nodes = new NodeProcesses();
        runs = nodes.web().getBean(RunService.class);
        jdbc = nodes.web().getBean(JdbcTemplate.class);
        startWorker("worker-a");
        startWorker("worker-b");
        nodes.awaitAlive("worker-a", "worker-b");
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
        SecurityContextHolder.clearContext();
    }

    @Test
    @Order(1)
    void ten_runs_of_five_trainees_train_once_each_in_fair_order_on_both_workers() throws Exception {
        long dataset = dataset("Breast cancer biopsies");
        // What a run page open on the web node hears while workers train.
        var heard = java.util.concurrent.ConcurrentHashMap.<Long>newKeySet();
        var stopListening = nodes.web().getBean(RunEvents.class).subscribe(heard::add);
        var ids = new ArrayList<Long>();
        for (int trainee = 1; trainee <= 5; trainee++) {
            signIn("trainee" + trainee);
            for (int run = 0; run < 2; run++) {
                ids.add(runs.submit(dataset, "ehr-mlp", new RunService.Overrides(10, null, null, (long) run), null)
                        .id());
            }
        }
        var done = new ArrayList<RunInfo>();
        for (long id : ids) {
            done.add(waitFor(id, r -> r.status().finished(), Duration.ofMinutes(5)));
        }
        Thread.sleep(2_000); // the change watcher looks once a second
        stopListening.run();
        assertThat(heard)
                .as("views on the web node hear of runs trained on workers")
                .containsAll(ids);

        assertThat(done).allSatisfy(r -> {
            assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.COMPLETED);
            assertThat(r.events()).as("trained exactly once").hasSize(1);
            assertThat(r.events().getFirst().text()).isEqualTo("Started on " + r.node() + ".");
        });
        assertThat(done.stream().map(RunInfo::node).collect(Collectors.toSet()))
                .as("both workers trained")
                .containsExactlyInAnyOrder("worker-a", "worker-b");

        var byStart =
                done.stream().sorted(Comparator.comparing(RunInfo::startedAt)).toList();
        assertThat(byStart.subList(0, 5).stream().map(RunInfo::owner).distinct())
                .as("every trainee's first run starts before anyone's second")
                .hasSize(5);
        var byOwner = done.stream().collect(Collectors.groupingBy(RunInfo::owner));
        byOwner.values().forEach(pair -> {
            pair.sort(Comparator.comparing(RunInfo::startedAt));
            assertThat(pair.get(1).startedAt())
                    .as("one running run per trainee, across workers")
                    .isAfterOrEqualTo(pair.get(0).finishedAt());
        });

        // What the workers recorded, the web node reads: layer statistics through the shared folder's journal.
        var stats = nodes.web()
                .getBean(org.deeprounds.insight.StatsFiles.class)
                .existing(runs.folderOf(ids.getFirst()).path())
                .orElseThrow();
        assertThat(stats.getNumUpdateRecordsFor(Long.toString(ids.getFirst()))).isPositive();
        assertThat(nodes.web()
                        .getBean(io.micrometer.core.instrument.MeterRegistry.class)
                        .get("deeprounds.queue.length")
                        .gauge()
                        .value())
                .isZero();
    }

    @Test
    @Order(2)
    void a_worker_serves_its_health_check_and_nothing_else() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (var path : List.of("/actuator/health", "/", "/login", "/api/v1/runs", "/actuator/metrics")) {
            var response = http.send(
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://localhost:" + nodes.port("worker-a") + path))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (path.equals("/actuator/health")) {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("UP");
            } else {
                assertThat(response.statusCode()).as(path).isEqualTo(404);
            }
        }
    }

    @Test
    @Order(3)
    void a_run_whose_worker_is_killed_goes_on_from_its_checkpoint_on_the_other_worker() throws Exception {
        long id = longRun("trainee1");
        var mid = waitFor(id, r -> r.status() == RunStatus.RUNNING && r.epoch() >= 3, Duration.ofMinutes(2));
        var victim = mid.node();
        var survivor = victim.equals("worker-a") ? "worker-b" : "worker-a";
        var before = mid.history();

        nodes.worker(victim).destroyForcibly().waitFor();
        var killedAt = Instant.now();
        var taken = waitFor(id, r -> survivor.equals(r.node()) || r.status().finished(), Duration.ofSeconds(90));
        var takeover = Duration.between(killedAt, Instant.now());
        assertThat(takeover).as("no person acting, within a minute").isLessThan(Duration.ofSeconds(60));
        startWorker("worker-c"); // for the hand-back test: two workers again

        var done = waitFor(id, r -> r.status().finished(), Duration.ofMinutes(3));
        assertThat(done.status()).as(done.message()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.node()).isEqualTo(survivor);
        assertThat(done.events().stream().map(RunHistoryEntry::text))
                .anySatisfy(t -> assertThat(t).startsWith(victim + " stopped renewing its claim"))
                .anySatisfy(t -> assertThat(t).startsWith("Went on from epoch"));
        int resumedFrom = taken.epoch();
        assertThat(resumedFrom)
                .as("went on from a checkpoint, not from scratch")
                .isGreaterThanOrEqualTo(1);
        assertThat(done.history().subList(0, resumedFrom)).isEqualTo(before.subList(0, resumedFrom));
        log.info("kill -9 of {}: run {} taken over by {} after {} ms", victim, id, survivor, takeover.toMillis());
    }

    @Test
    @Order(4)
    void a_cancel_pressed_on_the_web_node_stops_the_run_on_its_worker_within_seconds() throws Exception {
        long id = longRun("trainee2");
        waitFor(id, r -> r.status() == RunStatus.RUNNING && r.epoch() >= 1, Duration.ofMinutes(2));
        var pressed = Instant.now();
        signIn("trainee2");
        runs.cancel(id);
        var stopped = waitFor(id, r -> r.status().finished(), Duration.ofSeconds(30));
        var took = Duration.between(pressed, Instant.now());
        assertThat(stopped.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        log.info("cancel of run {} on {}: stopped after {} ms", id, stopped.node(), took.toMillis());
    }

    @Test
    @Order(5)
    void a_worker_shutting_down_cleanly_hands_its_run_back_to_another() throws Exception {
        nodes.awaitAlive("worker-c");
        long id = longRun("trainee3");
        var mid = waitFor(id, r -> r.status() == RunStatus.RUNNING && r.epoch() >= 2, Duration.ofMinutes(2));
        var leaving = mid.node();
        var process = nodes.worker(leaving);
        process.destroy(); // SIGTERM: a clean shutdown
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from cluster_node where name = ?", Integer.class, leaving))
                .as("a node stopping cleanly leaves the list")
                .isZero();

        var done = waitFor(id, r -> r.status().finished(), Duration.ofMinutes(3));
        assertThat(done.status()).as(done.message()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.node()).isNotEqualTo(leaving);
        assertThat(done.events().stream().map(RunHistoryEntry::text))
                .anySatisfy(t -> assertThat(t).startsWith(leaving + " shut down and handed this run back"));
    }

    /** A run of the imaging template long enough to act on while it trains (no early stopping on the workers). */
    private static long longRun(String trainee) {
        long films = dataset("Chest X-rays");
        signIn(trainee);
        return runs.submit(films, "imaging-cnn", new RunService.Overrides(25, null, null, 5L), null)
                .id();
    }

    /** A worker that writes a checkpoint after every epoch and trains every epoch, so there is always one to go on from. */
    private static void startWorker(String name) throws IOException {
        nodes.startWorker(
                name, List.of(), "--deeprounds.training.checkpoint-interval=0s", "--deeprounds.training.patience=1000");
    }

    private static long dataset(String prefix) {
        signIn("trainee1");
        return nodes.web().getBean(DatasetService.class).list().stream()
                .filter(d -> d.name().startsWith(prefix))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static void signIn(String trainee) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(trainee, null, "ROLE_TRAINEE"));
    }

    private static RunInfo waitFor(long id, Predicate<RunInfo> condition, Duration limit) throws InterruptedException {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("admin", null, "ROLE_ADMIN"));
        var deadline = Instant.now().plus(limit);
        RunInfo run = runs.get(id);
        while (!condition.test(run)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("run " + id + " never reached the condition in " + limit + ": " + run);
            }
            Thread.sleep(100);
            run = runs.get(id);
        }
        return run;
    }
}
