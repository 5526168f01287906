package org.deeprounds.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeprounds.IntegrationTest;
import org.deeprounds.base.DataDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DL4J's training UI keeps its files under {@code <data dir>/tmp/dl4j-ui}: what a killed server left there is removed
 * before the UI starts (without following a link out of the folder), and the new upload folder and Vert.x's file cache
 * are made there, not in the system temp folder.
 */
@IntegrationTest
class TrainingUiTempFolderTest {

    @Autowired
    TrainingUi ui;

    @Autowired
    DataDirectory dataDirectory;

    @Test
    void leftovers_are_removed_at_start_and_new_files_stay_under_the_data_directory() throws Exception {
        ui.stop();
        var folder = dataDirectory.resolve(UiTempFolder.RELATIVE);
        var leftover = Files.createDirectories(folder.resolve("DL4JUI_1700000000000"));
        Files.writeString(leftover.resolve("upload-1"), "left by a killed server");
        var oldCache = Files.createDirectories(folder.resolve("vertx-cache/file-cache-left-over"));
        Files.writeString(oldCache.resolve("page.html"), "cached by a killed server");
        var outside = Files.createTempDirectory(dataDirectory.resolve("."), "outside-");
        var precious = Files.writeString(outside.resolve("keep.txt"), "not DL4J's");
        // A link left by an earlier, failed run of this test goes first (the link, not what it points to).
        Files.deleteIfExists(folder.resolve("DL4JUI_link"));
        var link = Files.createSymbolicLink(folder.resolve("DL4JUI_link"), outside);
        var systemTemp = Path.of(System.getProperty("java.io.tmpdir"));
        var systemBefore = dl4jFolders(systemTemp);
        long before = System.currentTimeMillis();
        try {
            int port = ui.port();

            assertThat(leftover).doesNotExist();
            assertThat(oldCache).doesNotExist();
            assertThat(link).as("the link itself is removed").doesNotExist();
            assertThat(precious).as("never followed out of the folder").exists();
            var made = dl4jFolders(folder);
            assertThat(made)
                    .singleElement()
                    .satisfies(name -> assertThat(Long.parseLong(name.substring(UiTempFolder.DL4J_PREFIX.length())))
                            .isGreaterThanOrEqualTo(before));
            assertThat(dl4jFolders(systemTemp))
                    .as("nothing new in the system temp folder")
                    .isSubsetOf(systemBefore);
            assertThat(System.getProperty("java.io.tmpdir")).isEqualTo(systemTemp.toString());

            // DL4J's pages are served through Vert.x's file cache, which now lies in the same folder.
            var page = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/assets/js/train/overview.js"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            try (var cached = Files.walk(folder.resolve("vertx-cache"))) {
                assertThat(cached.map(p -> p.getFileName().toString())).contains("overview.js");
            }
        } finally {
            Files.deleteIfExists(precious);
            Files.deleteIfExists(outside);
        }
    }

    private static Set<String> dl4jFolders(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(UiTempFolder.DL4J_PREFIX))
                    .collect(Collectors.toSet());
        }
    }
}
