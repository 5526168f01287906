package org.deeprounds.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every run records enough to show its learning (issue 14): the score of every iteration, and layer snapshots at least
 * once per epoch, at least {@value SnapshotPlan#MIN_SNAPSHOTS} per run, up to its last iteration; through our API and
 * through DL4J's own data routes behind the app. And the learning-rate lesson's good and broken rates read differently.
 */
@IntegrationTest
class RunStatisticsCoverageTest {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void a_five_epoch_run_of_every_template_is_recorded_every_iteration_and_every_epoch() throws Exception {
        var owner = TestUsers.formSession(port, TestUsers.TRAINEE);
        for (var each : org.deeprounds.models.Templates.ALL) {
            var template = each.name();
            var modality = each.modality().name();
            long run = train(dataset(modality), template, "\"epochs\": 5, \"seed\": 3");
            var info = json.readTree(TestUsers.get(port, "/api/v1/runs/" + run, TestUsers.TRAINEE)
                    .body());
            assertThat(info.get("status").asString()).as(template).isEqualTo("COMPLETED");
            int epochs = info.get("epoch").asInt();

            var report = json.readTree(TestUsers.get(port, "/api/v1/runs/" + run + "/layers", TestUsers.TRAINEE)
                    .body());
            var scored = ints(report.get("scoreIterations"));
            int last = scored.getLast();
            assertThat(scored).as(template + ": a score for every iteration").isEqualTo(range(last + 1));
            assertThat(report.get("scores").size()).isEqualTo(scored.size());
            assertThat((last + 1) % epochs).as(template).isZero();
            int perEpoch = (last + 1) / epochs;
            var snapshots = ints(report.get("iterations"));
            assertThat(snapshots.size()).as(template).isGreaterThanOrEqualTo(Math.min(last + 1, 30));
            assertThat(snapshots.getLast())
                    .as(template + ": the last iteration")
                    .isEqualTo(last);
            for (int epoch = 1; epoch <= epochs; epoch++) {
                assertThat(snapshots).as(template + ": end of epoch " + epoch).contains(epoch * perEpoch - 1);
            }
            for (var layer : report.get("layers")) {
                for (var ratio : layer.get("updateRatio")) {
                    assertThat(ratio.size()).isEqualTo(snapshots.size());
                }
            }

            // DL4J's own UI: the full score curve, and ratios drawn against the same iterations.
            var overview = TestUsers.getWithSession(port, "/train/" + run + "/overview/data", owner);
            assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
            var data = json.readTree(overview.body());
            assertThat(ints(data.get("scoresIter"))).as(template).isEqualTo(range(last + 1));
            assertThat(data.get("updateRatios").size()).as(template).isPositive();
            for (var ratios : data.get("updateRatios")) {
                assertThat(ratios.size()).isEqualTo(last + 1);
            }
            for (var spread : data.get("stdevActivations")) {
                assertThat(spread.size()).isEqualTo(last + 1);
            }
            // Its model page: each layer's charts over the run, histograms of the last snapshot.
            var model = TestUsers.getWithSession(port, "/train/" + run + "/model/data/1", owner);
            assertThat(model.statusCode()).as(model.body()).isEqualTo(200);
            var layer = json.readTree(model.body());
            assertThat(layer.get("meanMag").get("iterCounts").size())
                    .as(template)
                    .isEqualTo(last + 1);
            assertThat(layer.get("paramHist").get("paramNames").size())
                    .as(template)
                    .isPositive();
        }
    }

    @Test
    void the_learning_rate_lesson_reads_a_good_rate_as_healthy_and_a_broken_one_as_far_too_high() throws Exception {
        // The lesson's own settings: imaging-cnn on the synthetic chest films, 5 epochs at 0.001, then 2 epochs at 10.
        long chest = dataset("IMAGING");
        long good = train(chest, "imaging-cnn", "\"epochs\": 5");
        var goodReport = json.readTree(TestUsers.get(port, "/api/v1/runs/" + good + "/layers", TestUsers.TRAINEE)
                .body());
        var iterations = ints(goodReport.get("iterations"));
        int weighted = 0;
        for (var layer : goodReport.get("layers")) {
            if (layer.get("updateRatio").has("W")) {
                weighted++;
                var reading = LayerReadings.ratio(
                        iterations, doubles(layer.get("updateRatio").get("W")));
                assertThat(reading)
                        .as(layer.get("type").asString())
                        .startsWith("Median over iterations")
                        .doesNotContain("too large", "far too high");
            }
        }
        assertThat(weighted).isEqualTo(4);

        long broken = train(chest, "imaging-cnn", "\"epochs\": 2, \"learningRate\": 10");
        assertThat(json.readTree(TestUsers.get(port, "/api/v1/runs/" + broken, TestUsers.TRAINEE)
                                .body())
                        .get("status")
                        .asString())
                .isEqualTo("DIVERGED");
        var brokenReport = json.readTree(TestUsers.get(port, "/api/v1/runs/" + broken + "/layers", TestUsers.TRAINEE)
                .body());
        var brokenIterations = ints(brokenReport.get("iterations"));
        var readings = new ArrayList<String>();
        for (var layer : brokenReport.get("layers")) {
            if (layer.get("updateRatio").has("W")) {
                readings.add(LayerReadings.ratio(
                        brokenIterations, doubles(layer.get("updateRatio").get("W"))));
            }
        }
        assertThat(readings)
                .as(brokenReport.toString())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r).contains("far too high").doesNotContain(": healthy"));
        assertThat(readings.getFirst()).as(brokenReport.toString()).contains("as large as the weights", "far too high");
    }

    private static List<Integer> range(int n) {
        var out = new ArrayList<Integer>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    private static List<Integer> ints(JsonNode array) {
        var out = new ArrayList<Integer>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static List<Double> doubles(JsonNode array) {
        var out = new ArrayList<Double>();
        array.forEach(n -> out.add(n.isNull() ? null : n.asDouble()));
        return out;
    }

    private long dataset(String modality) throws Exception {
        for (JsonNode d : json.readTree(
                TestUsers.get(port, "/api/v1/datasets", TestUsers.TRAINEE).body())) {
            var name = d.get("name").asString();
            boolean fits = switch (modality) {
                case "EHR" -> name.startsWith("Breast cancer biopsies");
                case "GENOMICS" -> name.startsWith("E. coli promoters");
                case "SIGNAL" -> name.startsWith("SYNTHETIC ECG beats");
                default -> name.startsWith("Chest X-rays");
            };
            if (d.get("modality").asString().equals(modality) && fits) {
                return d.get("id").asLong();
            }
        }
        throw new AssertionError("no shared " + modality + " dataset");
    }

    private long train(long dataset, String template, String overrides) throws Exception {
        var submitted = TestUsers.postJson(
                port,
                "/api/v1/runs",
                "{\"datasetId\": " + dataset + ", \"template\": \"" + template + "\", \"overrides\": {" + overrides
                        + "}}",
                TestUsers.TRAINEE);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = json.readTree(submitted.body()).get("id").asLong();
        for (int i = 0; i < 3000; i++) {
            var status = json.readTree(TestUsers.get(port, "/api/v1/runs/" + id, TestUsers.TRAINEE)
                            .body())
                    .get("status")
                    .asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }
}
