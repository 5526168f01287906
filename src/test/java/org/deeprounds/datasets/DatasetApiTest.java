package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dataset API contract over real HTTP: multipart upload, JSON field names, status codes, error bodies. */
@IntegrationTest
class DatasetApiTest {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void an_upload_answers_201_with_the_dataset_summary_in_the_agreed_shape() throws Exception {
        var csv = new StringBuilder("id,age,sex,outcome\n");
        for (int i = 0; i < 40; i++) {
            csv.append("p")
                    .append(i)
                    .append(',')
                    .append(30 + i)
                    .append(',')
                    .append(i % 2 == 0 ? "F" : "M")
                    .append(',')
                    .append(i % 3 == 0 ? "ill" : "well")
                    .append('\n');
        }
        var fields = new LinkedHashMap<String, String>();
        fields.put("name", "API table");
        fields.put("modality", "EHR");
        fields.put("targetColumn", "outcome");
        fields.put("groupColumn", "id");
        fields.put("sensitiveColumns", "sex");
        fields.put("positiveClass", "ill");

        var response = post(TestUsers.INSTRUCTOR, "table.csv", csv.toString().getBytes(StandardCharsets.UTF_8), fields);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var body = json.readTree(response.body());
        assertThat(fieldNames(body))
                .contains(
                        "id",
                        "name",
                        "modality",
                        "task",
                        "classes",
                        "positiveClass",
                        "splits",
                        "licence",
                        "provenance");
        assertThat(body.get("modality").asString()).isEqualTo("EHR");
        assertThat(body.get("task").asString()).isEqualTo("BINARY");
        assertThat(body.get("classes").get(0).asString()).isEqualTo("ill");
        assertThat(body.get("positiveClass").asString()).isEqualTo("ill");
        var train = body.get("splits").get("train");
        assertThat(train.get("size").asInt()).isPositive();
        assertThat(train.get("classCounts").get("well").asInt()).isPositive();
        assertThat(body.get("splits").has("validation")).isTrue();
        assertThat(body.get("splits").has("test")).isTrue();
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/api/v1/datasets/" + body.get("id").asLong());

        var fetched = TestUsers.get(port, "/api/v1/datasets/" + body.get("id").asLong(), TestUsers.TRAINEE);
        assertThat(fetched.statusCode())
                .as("shared datasets are visible to trainees")
                .isEqualTo(200);
        var list = json.readTree(
                TestUsers.get(port, "/api/v1/datasets", TestUsers.TRAINEE).body());
        assertThat(list.isArray()).isTrue();
    }

    @Test
    void bad_content_answers_400_with_an_error_naming_the_problem() throws Exception {
        var response = post(
                TestUsers.INSTRUCTOR,
                "bad.fasta",
                ">a class=x\nACGU\n".getBytes(StandardCharsets.UTF_8),
                Map.of("name", "Bad"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("error").asString())
                .contains("bad.fasta line 2", "sequence 'a' position 4", "'U'");
    }

    @Test
    void an_unknown_modality_and_a_missing_file_answer_400() throws Exception {
        var response = post(
                TestUsers.INSTRUCTOR,
                "x.csv",
                "a,y\n".getBytes(StandardCharsets.UTF_8),
                Map.of("name", "X", "modality", "XRAY"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("error").asString()).contains("modality", "XRAY");
    }

    @Test
    void an_upload_over_the_limit_answers_413() throws Exception {
        var big = new byte[6 * 1024 * 1024]; // the test profile allows 5 MB
        java.util.Arrays.fill(big, (byte) 'A');

        var response = post(TestUsers.INSTRUCTOR, "big.csv", big, Map.of("name", "Big"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("error").asString()).contains("limit");
    }

    @Test
    void a_trainees_private_dataset_is_404_for_another_trainee_and_a_trainee_cannot_delete_shared_ones()
            throws Exception {
        var csv = "a,y\n1,x\n2,z\n3,x\n4,z\n5,x\n6,z\n7,x\n8,z\n9,x\n10,z\n";
        var created = post(
                TestUsers.TRAINEE,
                "mine.csv",
                csv.getBytes(StandardCharsets.UTF_8),
                Map.of("name", "Private", "targetColumn", "y"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json.readTree(created.body()).get("id").asLong();

        var other = new TestUsers.Credentials("trainee2", "Learn-Rounds-2026b");
        assertThat(TestUsers.get(port, "/api/v1/datasets/" + id, other).statusCode())
                .isEqualTo(404);
        assertThat(TestUsers.send(port, "DELETE", "/api/v1/datasets/" + id, other)
                        .statusCode())
                .isEqualTo(404);
        assertThat(TestUsers.get(port, "/api/v1/datasets/" + id, TestUsers.ADMIN)
                        .statusCode())
                .isEqualTo(200);

        var shared = json.readTree(
                TestUsers.get(port, "/api/v1/datasets", TestUsers.TRAINEE).body());
        long sharedId = -1;
        for (var dataset : shared) {
            if (dataset.get("shared").asBoolean()) {
                sharedId = dataset.get("id").asLong();
            }
        }
        var refused = TestUsers.send(port, "DELETE", "/api/v1/datasets/" + sharedId, TestUsers.TRAINEE);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).get("error").asString()).contains("instructors");

        assertThat(TestUsers.send(port, "DELETE", "/api/v1/datasets/" + id, TestUsers.TRAINEE)
                        .statusCode())
                .isEqualTo(204);
        assertThat(TestUsers.get(port, "/api/v1/datasets/" + id, TestUsers.TRAINEE)
                        .statusCode())
                .isEqualTo(404);
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        var names = new java.util.ArrayList<String>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private HttpResponse<String> post(
            TestUsers.Credentials who, String fileName, byte[] content, Map<String, String> fields) throws Exception {
        return post(port, who, fileName, content, fields);
    }

    /** {@code POST /api/v1/datasets} as a multipart form: the fields, then the file. */
    static HttpResponse<String> post(
            int port, TestUsers.Credentials who, String fileName, byte[] content, Map<String, String> fields)
            throws Exception {
        var boundary = "----deeprounds" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var auth = Base64.getEncoder()
                .encodeToString((who.username() + ":" + who.password()).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/datasets"))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
