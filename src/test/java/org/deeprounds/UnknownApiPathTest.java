package org.deeprounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A path under {@code /api/} that no endpoint answers gets 404 (or 405) as JSON, never the app's HTML page. */
@IntegrationTest
class UnknownApiPathTest {

    @LocalServerPort
    int port;

    @Test
    void unknown_api_paths_answer_404_as_json_for_every_method() {
        for (var method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            for (var path : List.of("/api/v1/nothing-here", "/api/v1/runs/1/nothing", "/api/v2/me", "/api/")) {
                var response = TestUsers.send(port, method, path, TestUsers.TRAINEE);
                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(404);
                assertThat(response.headers().firstValue("Content-Type"))
                        .as(method + " " + path)
                        .hasValueSatisfying(type -> assertThat(type).contains("json"));
                assertThat(response.body()).as(method + " " + path).doesNotContain("<html", "<!doctype");
            }
        }
    }

    @Test
    void a_known_path_with_another_method_answers_405_as_json() {
        var response = TestUsers.send(port, "DELETE", "/api/v1/me", TestUsers.TRAINEE);
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("json"));
    }

    @Test
    void anonymous_callers_still_get_401() {
        assertThat(TestUsers.get(port, "/api/v1/nothing-here", null).statusCode())
                .isEqualTo(401);
    }
}
