package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import checks over real HTTP: a table without a header row refused with what to send instead, then imported with
 * {@code header=false}; copies and suggested column types in the dataset JSON; suggestions accepted with PUT.
 */
@IntegrationTest
class ImportChecksApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void a_headerless_table_answers_400_with_its_first_row_and_is_imported_with_header_false() throws Exception {
        var heart = RealFileFixtures.heartWithoutHeader(120, 11).getBytes(StandardCharsets.UTF_8);

        var refused = DatasetApiTest.post(
                port, TestUsers.INSTRUCTOR, "cleveland.csv", heart, Map.of("name", "Heart", "targetColumn", "num"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        var error = json.readTree(refused.body());
        assertThat(error.get("error").asString()).contains("cleveland.csv line 1", "header=false");
        assertThat(error.get("headerless").asBoolean()).isTrue();
        assertThat(error.get("firstRow").get(0).asString()).isEqualTo("63.0");
        assertThat(error.get("proposedColumnNames").get(13).asString()).isEqualTo("column_14");

        var fields = new LinkedHashMap<String, String>();
        fields.put("name", "Heart (Cleveland)");
        fields.put("targetColumn", "num");
        fields.put("header", "false");
        fields.put("columnNames", String.join(",", RealFileFixtures.HEART_COLUMNS));
        var created = DatasetApiTest.post(port, TestUsers.INSTRUCTOR, "cleveland.csv", heart, fields);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var body = json.readTree(created.body());
        long id = body.get("id").asLong();
        int rows = 0;
        for (var split : body.get("splits")) {
            rows += split.get("size").asInt();
        }
        assertThat(rows).as("the first patient is counted").isEqualTo(120);
        assertThat(body.get("duplicates").get("repeated").asInt()).isZero();
        assertThat(body.get("suggestedColumnTypes").get("cp").asString()).isEqualTo("CATEGORICAL");

        var trainee = TestUsers.putJson(
                port,
                "/api/v1/datasets/" + id + "/column-types",
                "{\"columnTypes\": {\"cp\": \"CATEGORICAL\"}}",
                TestUsers.TRAINEE);
        assertThat(trainee.statusCode())
                .as("a trainee does not change the shared library")
                .isEqualTo(403);
        var unknown = TestUsers.putJson(
                port,
                "/api/v1/datasets/" + id + "/column-types",
                "{\"columnTypes\": {\"cp\": \"ORDINAL\"}}",
                TestUsers.INSTRUCTOR);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("error").asString()).contains("CATEGORICAL");

        var accepted = TestUsers.putJson(
                port,
                "/api/v1/datasets/" + id + "/column-types",
                "{\"columnTypes\": {\"cp\": \"CATEGORICAL\"}}",
                TestUsers.INSTRUCTOR);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        var after = json.readTree(accepted.body()).get("suggestedColumnTypes");
        assertThat(after.has("cp")).as("accepted").isFalse();
        assertThat(after.has("thal")).as("still suggested").isTrue();
    }

    @Test
    void copies_and_conflicting_labels_of_a_fasta_file_are_in_the_dataset_json() throws Exception {
        var random = new Random(4);
        var fasta = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            fasta.append(">s").append(i).append(i % 2 == 0 ? " class=EI\n" : " class=N\n");
            fasta.append(RealFileFixtures.dna(random, 30)).append('\n');
        }
        var twice = RealFileFixtures.dna(random, 30);
        fasta.append(">p017 class=EI\n").append(twice).append('\n');
        fasta.append(">p102 class=N\n").append(twice).append('\n');

        var created = DatasetApiTest.post(
                port,
                TestUsers.INSTRUCTOR,
                "splice.fasta",
                fasta.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("name", "Splice with a conflict"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var duplicates = json.readTree(created.body()).get("duplicates");
        assertThat(duplicates.get("repeated").asInt()).isEqualTo(1);
        assertThat(duplicates.get("conflicting").asInt()).isEqualTo(1);
        assertThat(duplicates.get("keptTogether").asBoolean()).isTrue();
        var example = duplicates.get("examples").get(0);
        assertThat(example.get("members").get(0).asString()).isEqualTo("p017");
        assertThat(example.get("labels").get(1).asString()).isEqualTo("N");
        assertThat(json.readTree(created.body()).get("splitMethod").asString())
                .endsWith("identical sequences kept in one split");
    }
}
