package org.deeprounds;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server tests of the {@code postgres} profile use where one is reachable (CI starts one; elsewhere
 * they skip): {@code DEEPROUNDS_TEST_PG_URL}, {@code DEEPROUNDS_TEST_PG_USER}, {@code DEEPROUNDS_TEST_PG_PASSWORD}.
 */
public final class TestPostgres {

    public static final String URL = env("DEEPROUNDS_TEST_PG_URL", "jdbc:postgresql://localhost:5432/deeprounds_test");
    public static final String USER = env("DEEPROUNDS_TEST_PG_USER", "deeprounds");
    public static final String PASSWORD = env("DEEPROUNDS_TEST_PG_PASSWORD", "deeprounds");

    private TestPostgres() {}

    /** For {@code @EnabledIf("org.deeprounds.TestPostgres#reachable")}. */
    public static boolean reachable() {
        try (var connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** An empty database for the next test: every table of an earlier one dropped. */
    public static void emptySchema() throws SQLException {
        try (var connection = DriverManager.getConnection(URL, USER, PASSWORD);
                var statement = connection.createStatement()) {
            statement.execute("drop schema public cascade");
            statement.execute("create schema public");
        }
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
