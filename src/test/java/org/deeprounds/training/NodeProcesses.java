package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.deeprounds.DeepRoundsApplication;
import org.deeprounds.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An installation of several nodes on this machine for tests and benchmarks: a web node in this JVM and worker nodes
 * as JVMs of their own from the same class path, on the test PostgreSQL database and one data directory, each worker
 * configured through the documented environment ({@code DEEPROUNDS_NODE_ROLE=worker}, {@code DEEPROUNDS_DB_*},
 * {@code DEEPROUNDS_DATA_DIR}). Worker logs go to {@code target/nodes/<name>.log}.
 */
final class NodeProcesses implements AutoCloseable {

    private final Path dir;
    private final ConfigurableApplicationContext web;
    private final Map<String, Process> workers = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    /** An empty database and data directory, and a web node on them. */
    NodeProcesses() throws Exception {
        TestPostgres.emptySchema();
        dir = Files.createTempDirectory("deeprounds-nodes");
        web = new SpringApplicationBuilder(DeepRoundsApplication.class)
                .profiles("postgres")
                .run(
                        "--server.port=0",
                        "--deeprounds.node.role=web",
                        "--deeprounds.node.name=web-1",
                        // Nodes of one installation must agree on the time: their claims expire by it.
                        "--deeprounds.test.real-clock=true",
                        "--deeprounds.data-dir=" + dir.resolve("data"),
                        "--deeprounds.curricula.dir=" + dir.resolve("curricula"),
                        "--deeprounds.admin.password=Nodes-Chief-1",
                        "--spring.datasource.url=" + TestPostgres.URL,
                        "--spring.datasource.username=" + TestPostgres.USER,
                        "--spring.datasource.password=" + TestPostgres.PASSWORD);
    }

    ConfigurableApplicationContext web() {
        return web;
    }

    Process worker(String name) {
        return workers.get(name);
    }

    /** The port a worker serves its health check on. */
    int port(String name) {
        return ports.get(name);
    }

    /**
     * Starts a worker; {@code prefix} goes before java (e.g. {@code taskset -c 0}), {@code options} after the
     * documented ones.
     */
    void startWorker(String name, List<String> prefix, String... options) throws IOException {
        var log = Files.createDirectories(Path.of("target", "nodes")).resolve(name + ".log");
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ports.put(name, port);
        var command = new ArrayList<>(prefix);
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-Xmx1200m",
                "-Dorg.bytedeco.javacpp.cachedir="
                        + Path.of("target", "javacpp-cache").toAbsolutePath(),
                "-cp",
                System.getProperty("java.class.path"),
                DeepRoundsApplication.class.getName(),
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--deeprounds.node.name=" + name,
                "--deeprounds.test.real-clock=true",
                "--deeprounds.curricula.dir=" + dir.resolve("curricula")));
        command.addAll(List.of(options));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        var env = builder.environment();
        env.put("DEEPROUNDS_NODE_ROLE", "worker");
        env.put("DEEPROUNDS_DB_URL", TestPostgres.URL);
        env.put("DEEPROUNDS_DB_USER", TestPostgres.USER);
        env.put("DEEPROUNDS_DB_PASSWORD", TestPostgres.PASSWORD);
        env.put("DEEPROUNDS_DATA_DIR", dir.resolve("data").toString());
        workers.put(name, builder.start());
    }

    /** Until each named worker has sent a heartbeat (it loads ND4J first, so it is then ready to train). */
    void awaitAlive(String... names) throws InterruptedException {
        var nodes = web.getBean(ClusterNodes.class);
        var deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            var alive = nodes.list().stream()
                    .filter(ClusterNodes.Node::alive)
                    .map(ClusterNodes.Node::name)
                    .collect(Collectors.toSet());
            if (alive.containsAll(List.of(names))) {
                return;
            }
            for (var name : names) {
                assertThat(workers.get(name).isAlive())
                        .as(name + " exited; see target/nodes/" + name + ".log")
                        .isTrue();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("workers " + List.of(names) + " never sent a heartbeat: " + nodes.list());
    }

    /** Stops every worker cleanly (SIGTERM), then the web node. */
    @Override
    public void close() throws InterruptedException {
        workers.values().forEach(Process::destroy);
        for (var process : workers.values()) {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        web.close();
    }
}
