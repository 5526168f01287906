package org.deeprounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.deeprounds.datasets.DatasetService;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error under {@code /api/v1} has one shape, whichever controller, filter or Spring itself answers it: an RFC
 * 9457 problem detail ({@code application/problem+json}) with {@code status}, {@code title} and {@code detail}, the
 * same message again as {@code error}, and an error's extra fields beside them.
 */
@IntegrationTest
class ApiErrorShapeTest {

    /** HTTP/1.1 like {@link TestUsers}; its own client for the bodies and content types TestUsers does not send. */
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    DatasetService datasets;

    /** One failing request, the status it must answer, and what else its body must hold. */
    record Failing(String name, int status, HttpRequest.Builder request, Consumer<JsonNode> more) {

        Failing(String name, int status, HttpRequest.Builder request) {
            this(name, status, request, body -> {});
        }
    }

    @TestFactory
    List<DynamicTest> every_error_answers_a_problem_detail_whose_error_is_its_detail() {
        var failing = new ArrayList<Failing>();
        // Security (filters, before any controller).
        failing.add(new Failing("not signed in", 401, request("GET", "/api/v1/runs", null)));
        failing.add(new Failing(
                "a trainee on an administrators' endpoint",
                403,
                request("GET", "/api/v1/admin/users", TestUsers.TRAINEE)));
        // Paths no endpoint answers.
        failing.add(new Failing("an unknown path", 404, request("GET", "/api/v1/nothing-here", TestUsers.TRAINEE)));
        failing.add(new Failing("an unsupported method", 405, request("DELETE", "/api/v1/me", TestUsers.TRAINEE)));
        // Runs.
        failing.add(new Failing(
                "a run that does not exist", 404, request("GET", "/api/v1/runs/987654", TestUsers.TRAINEE)));
        failing.add(new Failing(
                "a run without a dataset",
                400,
                json("POST", "/api/v1/runs", "{}", TestUsers.TRAINEE),
                body -> assertThat(body.get("error").asString()).contains("datasetId is required")));
        failing.add(new Failing(
                "a run request that is not JSON", 400, json("POST", "/api/v1/runs", "{not json", TestUsers.TRAINEE)));
        failing.add(new Failing(
                "a run request of another content type",
                415,
                request("POST", "/api/v1/runs", TestUsers.TRAINEE)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("datasetId=1"))));
        failing.add(new Failing(
                "an evaluation threshold that is not a number",
                400,
                request("GET", "/api/v1/runs/987654/evaluation?threshold=half", TestUsers.TRAINEE),
                body -> assertThat(body.get("error").asString())
                        .isEqualTo("threshold must be a number between 0 and 1, not 'half'")));
        failing.add(new Failing(
                "a layer iteration that is not a number",
                400,
                request("GET", "/api/v1/runs/987654/layers?iteration=last", TestUsers.TRAINEE)));
        // Datasets.
        failing.add(new Failing(
                "a dataset that does not exist", 404, request("GET", "/api/v1/datasets/987654", TestUsers.TRAINEE)));
        failing.add(new Failing(
                "column types that are not JSON",
                400,
                json("PUT", "/api/v1/datasets/987654/column-types", "{\"columnTypes\": 7", TestUsers.INSTRUCTOR)));
        failing.add(new Failing(
                "an upload over the size limit",
                413,
                upload(new byte[6 * 1024 * 1024], TestUsers.INSTRUCTOR),
                body -> assertThat(body.get("error").asString()).contains("limit")));
        long promoters = datasets.sampleId("ecoli-promoters").orElseThrow();
        failing.add(new Failing(
                "a dataset that lessons use",
                409,
                request("DELETE", "/api/v1/datasets/" + promoters, TestUsers.INSTRUCTOR),
                body -> {
                    assertThat(body.get("error").asString()).contains("is in use and was not deleted");
                    assertThat(body.get("usedBy").isArray()).isTrue();
                    assertThat(body.has("othersNotShown")).isTrue();
                }));
        // Reader studies.
        failing.add(new Failing(
                "a reader study that does not exist",
                404,
                request("GET", "/api/v1/reader-studies/987654", TestUsers.TRAINEE)));
        failing.add(new Failing(
                "a reader study without a number of cases",
                400,
                json("POST", "/api/v1/runs/987654/reader-studies", "{}", TestUsers.TRAINEE),
                body -> assertThat(body.get("error").asString()).startsWith("cases: required")));
        // Courses.
        failing.add(new Failing(
                "a course zip that does not exist",
                404,
                request("GET", "/api/v1/courses/no-such-course.zip", TestUsers.INSTRUCTOR)));
        failing.add(new Failing(
                "a course file over the limit",
                413,
                request("PUT", "/api/v1/courses/foundations/course.yaml", TestUsers.INSTRUCTOR)
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1]))));
        failing.add(new Failing(
                "a shipped course changed by an instructor",
                403,
                request("PUT", "/api/v1/courses/foundations/course.yaml", TestUsers.INSTRUCTOR)
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofString("id: foundations\n"))));
        failing.add(new Failing(
                "a course upload that is not a zip",
                400,
                request("POST", "/api/v1/courses", TestUsers.INSTRUCTOR)
                        .header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofString("not a zip")),
                body -> {
                    assertThat(body.get("problems").isArray()).isTrue();
                    assertThat(body.get("problems").get(0).get("file").asString())
                            .isEqualTo("upload");
                }));
        // Accounts: Spring's own error for a body that does not parse, in a controller with no handlers of its own.
        failing.add(new Failing(
                "a token request that is not JSON", 400, json("POST", "/api/v1/me/tokens", "[", TestUsers.TRAINEE)));

        return failing.stream()
                .map(f -> DynamicTest.dynamicTest(f.name() + " answers " + f.status(), () -> check(f)))
                .toList();
    }

    private void check(Failing failing) throws Exception {
        var response = CLIENT.send(failing.request().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(failing.status());
        assertThat(response.headers().firstValue("Content-Type"))
                .as(response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        var body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).as(response.body()).isEqualTo(failing.status());
        assertThat(body.get("title").asString()).as(response.body()).isNotBlank();
        assertThat(body.get("detail").asString()).as(response.body()).isNotBlank();
        assertThat(body.get("error").asString())
                .as(response.body())
                .isEqualTo(body.get("detail").asString());
        failing.more().accept(body);
    }

    private HttpRequest.Builder request(String method, String path, TestUsers.Credentials who) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (who != null) {
            request.header("Authorization", who.basicHeader());
        }
        return request;
    }

    private HttpRequest.Builder json(String method, String path, String body, TestUsers.Credentials who) {
        return request(method, path, who)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    /** {@code POST /api/v1/datasets} with {@code content} as the file. */
    private HttpRequest.Builder upload(byte[] content, TestUsers.Credentials who) {
        Arrays.fill(content, (byte) 'A');
        var boundary = "----deeprounds" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nBig\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request("POST", "/api/v1/datasets", who)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }
}
