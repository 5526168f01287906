package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The one-step MedMNIST import script, on a local file (never the network): a file whose MD5 differs from the
 * published one is refused and nothing is imported; a verified file is imported with its class names.
 */
@IntegrationTest
@EnabledIf("curlInstalled")
class MedmnistImportScriptTest {

    static final Path SCRIPT = Path.of("sample-datasets", "import-medmnist.sh");

    @LocalServerPort
    int port;

    static boolean curlInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/curl"));
    }

    @Test
    void a_file_that_does_not_match_the_published_md5_is_not_imported() throws Exception {
        var file = fixture();
        int before = datasetCount();

        var result = run(List.of("pneumoniamnist", "--file", file.toString()));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("MD5 mismatch", "expected 28209eda62fecd6e6a2d98b1501bb15f");
        assertThat(datasetCount()).isEqualTo(before);
    }

    @Test
    void a_verified_file_is_imported_with_the_medmnist_class_names() throws Exception {
        var file = fixture();

        var result = run(List.of("pneumoniamnist", "--file", file.toString(), "--md5", md5(file)));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains(
                        "MD5 verified",
                        "\"classes\":[\"normal\",\"pneumonia\"]",
                        "\"positiveClass\":\"pneumonia\"",
                        "\"licence\":\"CC BY 4.0\"");
    }

    record Result(int exitCode, String output) {}

    private Result run(List<String> arguments) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(arguments);
        command.addAll(List.of("--server", "http://localhost:" + port));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DEEPROUNDS_USER", TestUsers.INSTRUCTOR.username());
        builder.environment().put("DEEPROUNDS_PASSWORD", TestUsers.INSTRUCTOR.password());
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Path fixture() throws IOException {
        var file = Files.createTempFile("pneumoniamnist", ".npz");
        Files.write(
                file, Fixtures.medmnist(Fixtures.alternating(20), Fixtures.alternating(4), Fixtures.alternating(4)));
        file.toFile().deleteOnExit();
        return file;
    }

    private int datasetCount() {
        return TestUsers.get(port, "/api/v1/datasets", TestUsers.ADMIN).body().split("\"id\":").length - 1;
    }

    private static String md5(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
    }
}
