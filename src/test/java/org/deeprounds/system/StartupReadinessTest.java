package org.deeprounds.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.deeprounds.DeepRoundsApplication;
import org.deeprounds.RestoresSecurityStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * {@code GET /actuator/health} answers UP only once start-up work is done (first administrator, sample datasets,
 * curricula): a script that waits for health and then calls the API must not meet a 401 from a missing account. The
 * server accepts connections while that work runs, so a probe runs inside start-up, after the administrator exists.
 */
@ExtendWith(RestoresSecurityStrategy.class)
class StartupReadinessTest {

    static final AtomicReference<HttpResponse<String>> DURING_START_UP = new AtomicReference<>();

    @TempDir
    Path dir;

    @Test
    void health_is_out_of_service_until_start_up_work_is_done_then_a_plain_up() throws Exception {
        try (var app = new SpringApplicationBuilder(DeepRoundsApplication.class, Probe.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:startup-readiness;DB_CLOSE_DELAY=-1",
                        "--deeprounds.data-dir=" + dir.resolve("data"))) {
            var during = DURING_START_UP.get();
            assertThat(during).as("the probe ran during start-up").isNotNull();
            assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
            assertThat(during.body()).doesNotContain("\"UP\"");

            var after = health(app.getEnvironment());
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    static HttpResponse<String> health(Environment environment) throws Exception {
        var port = environment.getProperty("local.server.port");
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** Asks for health as the last start-up runner: the administrator and sample datasets exist by then. */
    @Configuration(proxyBeanMethods = false)
    static class Probe {

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        ApplicationRunner healthProbe(Environment environment) {
            return args -> DURING_START_UP.set(health(environment));
        }
    }
}
