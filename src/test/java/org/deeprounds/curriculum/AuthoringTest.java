package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deeprounds.TestUsers.as;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeprounds.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Instructors edit, create, download and upload courses; nothing invalid is ever written. */
@IntegrationTest
class AuthoringTest {

    @Autowired
    AuthoringService authoring;

    @Autowired
    CurriculumLibrary library;

    @Autowired
    ProgressService progress;

    @Test
    void an_edit_is_written_only_when_the_course_stays_valid_and_past_work_keeps_its_version() throws Exception {
        as("instructor", "INSTRUCTOR", () -> {
            authoring.create("authoring-demo", "Authoring demo");
            return null;
        });
        var course = library.course("authoring-demo");
        var lesson = course.lessons().getFirst();
        var file = "lessons/01-introduction.md";
        var original = as("instructor", "INSTRUCTOR", () -> authoring.read("authoring-demo", file));
        var started = as("trainee1", "TRAINEE", () -> progress.open("authoring-demo", lesson.id()));
        as("trainee1", "TRAINEE", () -> progress.done("authoring-demo", lesson.id(), "why"));

        var broken = original.replace("dataset: pneumoniamnist-balanced", "dataset: pneumoniamnist-balnced");
        var problems = as("instructor", "INSTRUCTOR", () -> authoring.save("authoring-demo", file, broken));
        assertThat(problems)
                .extracting(CourseProblem::toString)
                .containsExactly("lessons/01-introduction.md line 10: dataset 'pneumoniamnist-balnced' not found; did"
                        + " you mean 'pneumoniamnist-balanced'?");
        assertThat(Files.readString(library.dir().resolve("authoring-demo").resolve(file)))
                .isEqualTo(original);

        var edited = original.replace("The idea, with a clinical example.", "Why a threshold is a clinical choice.");
        assertThat(as("instructor", "INSTRUCTOR", () -> authoring.save("authoring-demo", file, edited)))
                .isEmpty();
        var newer = library.course("authoring-demo").lessons().getFirst();
        assertThat(newer.checksum()).isNotEqualTo(lesson.checksum());
        assertThat(newer.step("why").markdown()).isEqualTo("Why a threshold is a clinical choice.");
        // The trainee's work belongs to the version they did; the new version starts afresh.
        var now = as("trainee1", "TRAINEE", () -> progress.open("authoring-demo", lesson.id()));
        assertThat(now.lesson().checksum()).isEqualTo(newer.checksum());
        assertThat(now.step("why").passed()).isFalse();
        assertThat(started.lesson().checksum()).isEqualTo(lesson.checksum());

        assertThatThrownBy(() ->
                        as("instructor", "INSTRUCTOR", () -> authoring.read("authoring-demo", "../../etc/passwd")))
                .hasMessageContaining("Only course.yaml and lessons/*.md can be edited");
        assertThatThrownBy(() -> as("trainee1", "TRAINEE", () -> authoring.read("authoring-demo", file)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void a_course_travels_as_a_zip_and_a_broken_upload_changes_nothing() throws Exception {
        var zip = as("instructor", "INSTRUCTOR", () -> authoring.zip("foundations"));
        var renamed = rewrite(
                zip,
                "foundations/",
                "zipped-course/",
                text -> text.replace("id: foundations\n", "id: zipped-course\n")
                        .replace("id: foundations-", "id: zipped-course-"));
        var installed = as("instructor", "INSTRUCTOR", () -> authoring.upload(new ByteArrayInputStream(renamed)));
        assertThat(installed.problems()).isEmpty();
        assertThat(library.course("zipped-course").lessons())
                .hasSize(library.course("foundations").lessons().size());

        var broken =
                rewrite(renamed, "zipped-course/", "zipped-course/", text -> text.replace("kind: quiz", "kind: quizz"));
        var refused = as("instructor", "INSTRUCTOR", () -> authoring.upload(new ByteArrayInputStream(broken)));
        assertThat(refused.problems())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.toString()).contains("unknown step kind 'quizz'"));
        assertThat(library.find("zipped-course"))
                .as("the installed course is untouched")
                .isPresent();

        var outside = library.dir().getParent().resolve("evil-" + System.nanoTime());
        var traversal = zipOf("course.yaml", "id: ../" + outside.getFileName() + "\n");
        assertThat(as("instructor", "INSTRUCTOR", () -> authoring.upload(new ByteArrayInputStream(traversal)))
                        .problems())
                .singleElement()
                .asString()
                .contains("may hold only lower-case letters, digits and '-'");
        assertThat(outside).doesNotExist();
        var escape = zipOf("../evil/course.yaml", "id: evil\n");
        assertThat(as("instructor", "INSTRUCTOR", () -> authoring.upload(new ByteArrayInputStream(escape)))
                        .problems())
                .extracting(CourseProblem::toString)
                .containsExactly("upload: The zip entry '../evil/course.yaml' points outside the course");
        assertThat(as(
                                "instructor",
                                "INSTRUCTOR",
                                () -> authoring.upload(new ByteArrayInputStream("not a zip".getBytes())))
                        .problems())
                .extracting(CourseProblem::message)
                .containsExactly("The upload is empty or not a zip file");
    }

    @Test
    void a_broken_course_is_listed_with_its_problems_and_the_others_stay_offered() throws Exception {
        var broken = library.dir().resolve("broken-course");
        Files.createDirectories(broken.resolve("lessons"));
        Files.writeString(broken.resolve("course.yaml"), "id: broken-course\ntitle: [unclosed\n");
        try {
            library.reload();
            assertThat(library.find("broken-course")).isEmpty();
            assertThat(library.find("foundations")).isPresent();
            var result = library.all().stream()
                    .filter(r -> r.folder().equals("broken-course"))
                    .findFirst()
                    .orElseThrow();
            assertThat(result.problems())
                    .singleElement()
                    .asString()
                    .startsWith("course.yaml line ")
                    .contains("not valid YAML");
        } finally {
            Files.walk(broken)
                    .sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
            library.reload();
        }
    }

    private static byte[] rewrite(byte[] zip, String from, String to, java.util.function.UnaryOperator<String> edit)
            throws Exception {
        var out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip));
                var z = new ZipOutputStream(out)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                var bytes = in.readAllBytes();
                var name = e.getName().replaceFirst("^" + from, to);
                z.putNextEntry(new ZipEntry(name));
                if (name.endsWith(".md") || name.endsWith(".yaml")) {
                    bytes = edit.apply(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                z.write(bytes);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] zipOf(String name, String content) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
