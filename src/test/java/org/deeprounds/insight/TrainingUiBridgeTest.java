package org.deeprounds.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bridge to DL4J's training UI forwards only what it checked: a query string naming another run (DL4J reads
 * {@code ?sessionId=N} in place of the path's run) or path tricks never reach another trainee's statistics.
 */
@IntegrationTest
class TrainingUiBridgeTest {

    static final TestUsers.Credentials OTHER = new TestUsers.Credentials("trainee2", "Learn-Rounds-2026b");

    /** Every DL4J route of a run, relative to {@code /train/<run>}. */
    static final List<String> RUN_ROUTES =
            List.of("/overview/data", "/info", "/model/graph", "/system/data", "/model/data/0");

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void a_query_string_naming_another_run_never_reaches_its_statistics() throws Exception {
        // Different epoch counts, so the two runs' statistics differ.
        long victim = trainedRun(TestUsers.TRAINEE, 2);
        long own = trainedRun(OTHER, 1);
        var attacker = TestUsers.formSession(port, OTHER);
        var victimSession = TestUsers.formSession(port, TestUsers.TRAINEE);
        // The victim has looked at the run, so DL4J's server holds its statistics.
        var victimData = TestUsers.getWithSession(port, "/train/" + victim + "/overview/data", victimSession);
        assertThat(victimData.statusCode()).isEqualTo(200);

        var hostile = List.of(
                "?sessionId=" + victim,
                "?sessionID=" + victim,
                "?sessionId=" + victim + "&sessionId=" + victim,
                "?sessionId=999999",
                "?to=" + victim + "&workerId=0&layerId=1",
                "?layerId=1",
                "?_=" + victim + "&sessionId=" + victim);
        for (var route : RUN_ROUTES) {
            var path = "/train/" + own + route;
            var plain = TestUsers.getWithSession(port, path, attacker);
            assertThat(plain.statusCode()).as(path + ": " + plain.body()).isEqualTo(200);
            for (var query : hostile) {
                var probed = TestUsers.getWithSession(port, path + query, attacker);
                assertThat(probed.statusCode()).as(path + query).isEqualTo(200);
                assertThat(probed.body()).as(path + query).isEqualTo(plain.body());
            }
        }
        var ownData = TestUsers.getWithSession(port, "/train/" + own + "/overview/data", attacker);
        assertThat(ownData.body()).as("the probe tells the two runs apart").isNotEqualTo(victimData.body());

        var lastUpdate = "/train/sessions/lastUpdate/" + own;
        var plainUpdate = TestUsers.getWithSession(port, lastUpdate, attacker);
        for (var query : hostile) {
            assertThat(TestUsers.getWithSession(port, lastUpdate + query, attacker)
                            .body())
                    .as(lastUpdate + query)
                    .isEqualTo(plainUpdate.body());
        }

        for (var trick : List.of(
                "/train/" + own + "/overview/data;sessionId=" + victim,
                "/train/" + own + "/overview/data%3FsessionId=" + victim,
                "/train/" + own + "/overview%2Fdata?sessionId=" + victim,
                "/train/" + own + "/../" + victim + "/overview/data")) {
            var response = TestUsers.getWithSession(port, trick, attacker);
            assertThat(response.statusCode()).as(trick).isNotEqualTo(200);
            assertThat(response.body()).as(trick).isNotEqualTo(victimData.body());
        }
    }

    long trainedRun(TestUsers.Credentials who, int epochs) throws Exception {
        long dataset = 0;
        for (JsonNode d :
                json.readTree(TestUsers.get(port, "/api/v1/datasets", who).body())) {
            if (d.get("name").asString().startsWith("Chest X-rays")) {
                dataset = d.get("id").asLong();
            }
        }
        assertThat(dataset).as("a dataset %s may use", who.username()).isPositive();
        var submitted = TestUsers.postJson(
                port,
                "/api/v1/runs",
                "{\"datasetId\": " + dataset + ", \"template\": \"imaging-cnn\", \"overrides\": {\"epochs\": " + epochs
                        + "}}",
                who);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = json.readTree(submitted.body()).get("id").asLong();
        for (int i = 0; i < 1200; i++) {
            var status = json.readTree(
                            TestUsers.get(port, "/api/v1/runs/" + id, who).body())
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
