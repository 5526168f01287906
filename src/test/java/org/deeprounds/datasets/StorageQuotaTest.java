package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deeprounds.DeepRoundsApplication;
import org.deeprounds.RestoresSecurityStrategy;
import org.deeprounds.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each user's datasets may hold at most {@code deeprounds.datasets.user-quota} (here a tiny 48 KB): an upload past it
 * answers 413 naming the sizes and stores nothing, also when its size is not declared; deleting a dataset makes room;
 * shipped samples count for nobody and administrators have no quota.
 */
@ExtendWith(RestoresSecurityStrategy.class)
class StorageQuotaTest {

    static final long QUOTA = 48 * 1024;

    @TempDir
    static Path dir;

    static ConfigurableApplicationContext app;
    static int port;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(DeepRoundsApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:storage-quota;DB_CLOSE_DELAY=-1",
                        "--deeprounds.data-dir=" + dir.resolve("data"),
                        "--deeprounds.datasets.user-quota=48KB");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void an_upload_past_the_quota_answers_413_with_the_sizes_and_stores_nothing_and_deleting_makes_room()
            throws Exception {
        var start = usage(TestUsers.TRAINEE);
        assertThat(start.get("usedBytes").asLong())
                .as("the shipped samples count for nobody")
                .isZero();
        assertThat(start.get("quotaBytes").asLong()).isEqualTo(QUOTA);
        assertThat(start.get("summary").asString()).isEqualTo("0 MB of 48 KB used");

        var first = upload(TestUsers.TRAINEE, "first", 30 * 1024);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        long used = usage(TestUsers.TRAINEE).get("usedBytes").asLong();
        assertThat(used)
                .as("the folder as stored: the file, its split assignment")
                .isGreaterThan(30 * 1024);
        int folders = libraryFolders();

        var second = upload(TestUsers.TRAINEE, "second", 30 * 1024);

        assertThat(second.statusCode()).as(second.body()).isEqualTo(413);
        long secondSize = table(30 * 1024).length();
        assertThat(JSON.readTree(second.body()).get("error").asString())
                .isEqualTo("This upload of 30 KB would bring your datasets to "
                        + (long) Math.ceil((used + secondSize) / 1024.0) + " KB; your quota is 48 KB ("
                        + Math.round(used / 1024.0) + " KB of 48 KB used). Delete datasets you no longer need, or ask"
                        + " an administrator for more room. Nothing was stored.");
        assertThat(usage(TestUsers.TRAINEE).get("usedBytes").asLong()).isEqualTo(used);
        assertThat(names(TestUsers.TRAINEE)).contains("first").doesNotContain("second");
        assertThat(libraryFolders()).isEqualTo(folders);
        assertThat(incoming()).as("no upload left behind").isEmpty();

        long firstId = JSON.readTree(first.body()).get("id").asLong();
        assertThat(TestUsers.send(port, "DELETE", "/api/v1/datasets/" + firstId, TestUsers.TRAINEE)
                        .statusCode())
                .isEqualTo(204);
        assertThat(usage(TestUsers.TRAINEE).get("usedBytes").asLong()).isZero();
        assertThat(upload(TestUsers.TRAINEE, "second", 30 * 1024).statusCode())
                .as("room again")
                .isEqualTo(201);
    }

    @Test
    void a_stream_of_unknown_size_is_cut_off_once_it_passes_the_room_left() throws Exception {
        var service = app.getBean(DatasetService.class);
        var request = new DatasetService.ImportRequest(
                "streamed", null, "outcome", null, List.of(), null, List.of(), null, null, null);
        var stream = new ByteArrayInputStream(table(80 * 1024).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> TestUsers.as(
                        "trainee2",
                        "TRAINEE",
                        () -> service.importUpload(request, new DatasetService.Upload("big.csv", stream), null)))
                .isInstanceOf(StorageQuotaExceededException.class)
                .hasMessageStartingWith(
                        "This upload is larger than the 48 KB left of your quota of 48 KB (0 MB of 48 KB"
                                + " used). Delete datasets you no longer need");
        assertThat(stream.available()).as("cut off, not read to the end").isPositive();
        assertThat(incoming()).isEmpty();
    }

    @Test
    void an_instructors_shared_imports_count_for_them_and_administrators_have_no_quota() throws Exception {
        assertThat(usage(TestUsers.INSTRUCTOR).get("usedBytes").asLong()).isZero();
        assertThat(upload(TestUsers.INSTRUCTOR, "shared one", 30 * 1024).statusCode())
                .isEqualTo(201);
        assertThat(upload(TestUsers.INSTRUCTOR, "shared two", 30 * 1024).statusCode())
                .isEqualTo(413);

        assertThat(upload(TestUsers.ADMIN, "admin one", 30 * 1024).statusCode()).isEqualTo(201);
        assertThat(upload(TestUsers.ADMIN, "admin two", 30 * 1024).statusCode()).isEqualTo(201);
        var admin = usage(TestUsers.ADMIN);
        assertThat(admin.get("usedBytes").asLong()).isGreaterThan(60 * 1024);
        assertThat(admin.get("quotaBytes").isNull()).isTrue();
        assertThat(admin.get("summary").asString()).endsWith("used (administrators have no storage quota)");
    }

    @Test
    void an_upload_is_linked_or_moved_into_the_library_not_copied() throws Exception {
        var service = app.getBean(DatasetService.class);
        var request = new DatasetService.ImportRequest(
                "linked", null, "outcome", null, List.of(), null, List.of(), null, null, null);
        var chosen = TestUsers.as("admin", "ADMIN", service::newUploadFile);
        Files.writeString(chosen, table(10 * 1024));

        var imported = TestUsers.as("admin", "ADMIN", () -> service.importUpload(request, uploadOf(chosen), null));

        var key = app.getBean(DatasetRepository.class)
                .findById(imported.id())
                .orElseThrow()
                .getStorageKey();
        var stored = app.getBean(DatasetStorage.class).folder(key).resolve("source.csv");
        assertThat(Files.isSameFile(chosen, stored))
                .as("one file on disk with two names")
                .isTrue();
        Files.delete(chosen); // as the dialog does when it closes
        assertThat(stored).exists();

        // API uploads too arrive beside the library, where the import renames the part into place.
        var parts = Path.of(
                app.getBean(jakarta.servlet.MultipartConfigElement.class).getLocation());
        assertThat(parts).isEqualTo(app.getBean(DatasetStorage.class).uploadsFolder());
        assertThat(Files.getFileStore(parts)).isEqualTo(Files.getFileStore(stored));
    }

    private static DatasetService.Upload uploadOf(Path file) {
        try {
            return DatasetService.Upload.ofFile("linked.csv", file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.net.http.HttpResponse<String> upload(TestUsers.Credentials who, String name, int bytes)
            throws Exception {
        return DatasetApiTest.post(
                port,
                who,
                name + ".csv",
                table(bytes).getBytes(StandardCharsets.UTF_8),
                Map.of("name", name, "targetColumn", "outcome"));
    }

    /** A two-class table of about {@code bytes} bytes. */
    private static String table(int bytes) {
        var csv = new StringBuilder("age,marker,outcome\n");
        for (int i = 0; csv.length() < bytes; i++) {
            csv.append(20 + i % 70)
                    .append(',')
                    .append(i % 13)
                    .append(',')
                    .append(i % 2 == 0 ? "yes" : "no")
                    .append('\n');
        }
        return csv.substring(0, csv.lastIndexOf("\n", bytes) + 1);
    }

    private static JsonNode usage(TestUsers.Credentials who) {
        var response = TestUsers.get(port, "/api/v1/datasets/usage", who);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> names(TestUsers.Credentials who) {
        var names = new java.util.ArrayList<String>();
        JSON.readTree(TestUsers.get(port, "/api/v1/datasets", who).body())
                .forEach(d -> names.add(d.get("name").asString()));
        return names;
    }

    private static int libraryFolders() throws Exception {
        try (Stream<Path> folders = Files.list(dir.resolve("data/datasets"))) {
            return (int) folders.filter(p -> !p.getFileName().toString().startsWith("."))
                    .count();
        }
    }

    private static List<Path> incoming() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("data/datasets/.incoming"))) {
            return files.toList();
        }
    }
}
