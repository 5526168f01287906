package org.deeprounds.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real run records statistics for every layer, readable after its file is closed and opened again (as after a
 * restart), through the API and through DL4J's own UI behind the app's login, with the run's access rules; and DL4J's
 * UI server listens on the loopback interface only.
 */
@IntegrationTest
class LayerStatsTest {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    StatsFiles files;

    @Autowired
    TrainingUi ui;

    @Autowired
    NetworkProbe probe;

    static final TestUsers.Credentials OTHER = new TestUsers.Credentials("trainee2", "Learn-Rounds-2026b");

    @Test
    @WithMockUser(username = "trainee1", roles = "TRAINEE") // for the probe, called directly
    void every_layer_of_a_trained_run_has_statistics_that_survive_a_restart() throws Exception {
        long run = trainedRun("Chest X-rays", "imaging-cnn", 3);

        var response = TestUsers.get(port, "/api/v1/runs/" + run + "/layers", TestUsers.TRAINEE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var report = json.readTree(response.body());
        int snapshots = report.get("iterations").size();
        assertThat(snapshots).isGreaterThanOrEqualTo(2);
        assertThat(report.get("score").size()).isEqualTo(snapshots);
        var layers = report.get("layers");
        assertThat(layers.size()).isEqualTo(6); // conv, pool, conv, pool, dense, output
        for (var layer : layers) {
            var type = layer.get("type").asString();
            if (!type.startsWith("Pool")) {
                assertThat(layer.get("updateRatio").get("W").size()).as(type).isEqualTo(snapshots);
                assertThat(layer.get("parameters").get("W").get("counts").size())
                        .as(type)
                        .isEqualTo(20);
                assertThat(layer.get("gradients").has("W")).as(type).isTrue();
                double ratio = last(layer.get("updateRatio").get("W"));
                assertThat(ratio)
                        .as("a healthy Adam run updates by 1e-5..1e-1 of the weights")
                        .isBetween(-5.0, -1.0);
            }
            if (!type.equals("Output")) {
                // DL4J records activations up to the layer before the output.
                assertThat(layer.get("activationMean").size()).as(type).isEqualTo(snapshots);
                assertThat(layer.get("activationStd").get(snapshots - 1).asDouble())
                        .isPositive();
            }
        }
        int early = report.get("iterations").get(0).asInt();
        var then = json.readTree(
                TestUsers.get(port, "/api/v1/runs/" + run + "/layers?iteration=" + early, TestUsers.TRAINEE)
                        .body());
        assertThat(then.get("histogramIteration").asInt()).isEqualTo(early);

        // As after a restart: the file is closed, then read again from disk.
        files.closeAll();
        var again = json.readTree(TestUsers.get(port, "/api/v1/runs/" + run + "/layers", TestUsers.TRAINEE)
                .body());
        assertThat(again.get("iterations")).isEqualTo(report.get("iterations"));

        // Inside the network, with validation images: maps for convolution and pooling, filters for convolution.
        var probed = probe.probe(run, 0);
        assertThat(probed.cases()).isEqualTo(NetworkProbe.CASES);
        assertThat(probed.sampleImage()).startsWith("data:image/png;base64,");
        var first = probed.layers().getFirst();
        assertThat(first.featureMaps()).hasSize(16);
        assertThat(first.filters()).hasSize(20);
        assertThat(first.units()).isEqualTo(20);
        assertThat(first.dead()).isBetween(0, 20);
        assertThat(probed.layers().get(1).featureMaps()).hasSize(16);
        assertThat(probed.layers().get(1).filters()).isEmpty();
        assertThat(probed.layers().get(4).featureMaps()).isEmpty();
        assertThat(probed.layers().get(4).units()).isEqualTo(500);
    }

    @Test
    void only_those_who_may_see_a_run_see_its_layers_and_its_dl4j_session() throws Exception {
        long run = trainedRun("Chest X-rays", "imaging-cnn", 2);
        assertThat(TestUsers.get(port, "/api/v1/runs/" + run + "/layers", OTHER).statusCode())
                .isEqualTo(403);
        assertThat(TestUsers.get(port, "/api/v1/runs/" + run + "/layers", TestUsers.INSTRUCTOR)
                        .statusCode())
                .as("the instructor of trainee1's cohort")
                .isEqualTo(200);
        assertThat(TestUsers.get(port, "/api/v1/runs/" + run + "/layers", null).statusCode())
                .isEqualTo(401);
        assertThat(TestUsers.get(port, "/api/v1/runs/999999/layers", TestUsers.TRAINEE)
                        .statusCode())
                .isEqualTo(404);

        var owner = TestUsers.formSession(port, TestUsers.TRAINEE);
        var other = TestUsers.formSession(port, OTHER);
        var instructor = TestUsers.formSession(port, TestUsers.INSTRUCTOR);

        var overview = TestUsers.getWithSession(port, "/train/" + run + "/overview/data", owner);
        assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
        assertThat(json.readTree(overview.body()).get("updateRatios").has("0_W"))
                .isTrue();
        var page = TestUsers.getWithSession(port, "/train/" + run + "/overview", owner);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/assets/js/train/overview.js");
        assertThat(TestUsers.getWithSession(port, "/assets/js/train/overview.js", owner)
                        .statusCode())
                .isEqualTo(200);
        assertThat(TestUsers.getWithSession(port, "/train/" + run + "/model/data/0", owner)
                        .statusCode())
                .isEqualTo(200);

        assertThat(TestUsers.getWithSession(port, "/train/" + run + "/overview/data", other)
                        .statusCode())
                .isEqualTo(403);
        assertThat(TestUsers.getWithSession(port, "/train/sessions/lastUpdate/" + run, other)
                        .statusCode())
                .isEqualTo(403);
        assertThat(TestUsers.getWithSession(port, "/train/" + run + "/overview/data", instructor)
                        .statusCode())
                .isEqualTo(200);
        var anonymous = TestUsers.getWithSession(port, "/train/" + run + "/overview", null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");

        assertThat(TestUsers.getWithSession(port, "/train", owner).body()).contains("Run " + run + "<");
        assertThat(TestUsers.getWithSession(port, "/train", instructor).body()).contains("Run " + run + "<");
        assertThat(TestUsers.getWithSession(port, "/train", other).body()).doesNotContain("Run " + run + "<");
        for (var path : List.of(
                "/train/sessions/info",
                "/train/sessions/current",
                "/train/sessions/set/" + run,
                "/train/workers/setByIdx/0",
                "/train/overview/data")) {
            assertThat(TestUsers.getWithSession(port, path, owner).statusCode())
                    .as(path)
                    .isEqualTo(403);
        }
    }

    @Test
    void dl4j_ui_server_listens_on_loopback_only() throws Exception {
        int uiPort = ui.port();
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", uiPort), 2000);
            assertThat(socket.isConnected()).isTrue();
        }
        assertThat(listeningAddresses(uiPort))
                .as("local addresses of the listening socket")
                .containsOnly("127.0.0.1");
        for (var nic : NetworkInterface.networkInterfaces().toList()) {
            for (var address : nic.inetAddresses().toList()) {
                if (!address.isLoopbackAddress()) {
                    try (var socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, uiPort), 2000);
                        throw new AssertionError("DL4J's UI answered on " + address);
                    } catch (java.io.IOException refused) {
                        // expected: nothing listens there
                    }
                }
            }
        }
    }

    /** The local addresses of sockets listening on {@code port}, from the kernel's tables. */
    static List<String> listeningAddresses(int port) throws Exception {
        var hexPort = String.format(Locale.ROOT, ":%04X", port);
        var out = new java.util.ArrayList<String>();
        for (var table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            if (!Files.exists(Path.of(table))) {
                continue;
            }
            for (var line : Files.readAllLines(Path.of(table))) {
                var fields = line.strip().split("\\s+");
                if (fields.length > 3 && fields[1].endsWith(hexPort) && fields[3].equals("0A")) {
                    out.add(address(fields[1].substring(0, fields[1].indexOf(':'))));
                }
            }
        }
        return out;
    }

    /** A kernel-table address (little-endian hex; IPv6 in 4 little-endian words) as text; v4-mapped as IPv4. */
    private static String address(String hex) {
        if (hex.length() == 8) {
            return v4(hex);
        }
        if (hex.startsWith("0000000000000000FFFF0000")) {
            return v4(hex.substring(24));
        }
        return hex.equals("00000000000000000000000001000000") ? "::1" : hex;
    }

    private static String v4(String hex) {
        return Integer.parseInt(hex.substring(6, 8), 16) + "." + Integer.parseInt(hex.substring(4, 6), 16) + "."
                + Integer.parseInt(hex.substring(2, 4), 16) + "." + Integer.parseInt(hex.substring(0, 2), 16);
    }

    private static double last(JsonNode series) {
        return series.get(series.size() - 1).asDouble();
    }

    long trainedRun(String datasetPrefix, String template, int epochs) throws Exception {
        long dataset = 0;
        for (JsonNode d : json.readTree(
                TestUsers.get(port, "/api/v1/datasets", TestUsers.TRAINEE).body())) {
            if (d.get("name").asString().startsWith(datasetPrefix)) {
                dataset = d.get("id").asLong();
            }
        }
        var submitted = TestUsers.postJson(
                port,
                "/api/v1/runs",
                "{\"datasetId\": " + dataset + ", \"template\": \"" + template + "\", \"overrides\": {\"epochs\": "
                        + epochs + "}}",
                TestUsers.TRAINEE);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = json.readTree(submitted.body()).get("id").asLong();
        for (int i = 0; i < 1200; i++) {
            var status = json.readTree(TestUsers.get(port, "/api/v1/runs/" + id, TestUsers.TRAINEE)
                            .body())
                    .get("status")
                    .asString();
            if (status.equals("COMPLETED")) {
                return id;
            }
            assertThat(status).isIn("QUEUED", "RUNNING");
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }
}
