package org.deeprounds.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.deeprounds.DeepRoundsApplication;
import org.deeprounds.RestoresSecurityStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code postgres} profile on a real PostgreSQL server: the same migrations run, JPA validates the schema and
 * the first administrator is created. Runs where a server is reachable (CI starts one); skipped elsewhere.
 * Connection: {@code DEEPROUNDS_TEST_PG_URL}, {@code DEEPROUNDS_TEST_PG_USER}, {@code DEEPROUNDS_TEST_PG_PASSWORD}.
 */
@EnabledIf("postgresReachable")
@ExtendWith(RestoresSecurityStrategy.class)
class PostgresMigrationTest {

    static final String URL = env("DEEPROUNDS_TEST_PG_URL", "jdbc:postgresql://localhost:5432/deeprounds_test");
    static final String USER = env("DEEPROUNDS_TEST_PG_USER", "deeprounds");
    static final String PASSWORD = env("DEEPROUNDS_TEST_PG_PASSWORD", "deeprounds");

    static boolean postgresReachable() {
        try (var connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Test
    void the_postgres_profile_migrates_an_empty_database_and_starts() throws Exception {
        try (var connection = DriverManager.getConnection(URL, USER, PASSWORD);
                var statement = connection.createStatement()) {
            statement.execute("drop schema public cascade");
            statement.execute("create schema public");
        }
        try (var app = new SpringApplicationBuilder(DeepRoundsApplication.class)
                .profiles("postgres")
                .run(
                        "--server.port=0",
                        "--deeprounds.data-dir=target/test-data-postgres",
                        "--deeprounds.admin.password=Postgres-Chief-1",
                        "--spring.datasource.url=" + URL,
                        "--spring.datasource.username=" + USER,
                        "--spring.datasource.password=" + PASSWORD)) {
            var jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                    .isPositive();
            assertThat(jdbc.queryForObject(
                            "select count(*) from user_account u join user_role r on r.user_id = u.id"
                                    + " where u.username = 'admin' and r.role = 'ADMIN'",
                            Integer.class))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        }
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
