package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deeprounds.TestUsers.as;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.CohortService;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditEvent;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.security.AppRoles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * A course is changed only by its authors and administrators, over HTTP and in the service: the instructor who
 * uploads or creates a course is its author and adds co-authors; another instructor is refused with 403 naming the
 * authors, and nothing changes on disk. Course changes, assignments and comments are in the audit log.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CourseAuthorshipTest {

    private static final String COURSE = "authorship-demo";
    private static final String LESSON_FILE = "lessons/01-lesson.md";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    AuthoringService authoring;

    @Autowired
    CurriculumLibrary library;

    @Autowired
    AccountService accounts;

    @Autowired
    CohortService cohorts;

    @Autowired
    TeachingService teaching;

    @Autowired
    ProgressService progress;

    @Autowired
    AuditLog audit;

    @Autowired
    JsonMapper json;

    TestUsers.Credentials author;
    TestUsers.Credentials coAuthor;
    TestUsers.Credentials stranger;
    TestUsers.Credentials trainee;

    @BeforeAll
    void instructors() {
        author = TeachingFixtures.account(accounts, "course-author", AppRoles.INSTRUCTOR);
        coAuthor = TeachingFixtures.account(accounts, "course-coauthor", AppRoles.INSTRUCTOR);
        stranger = TeachingFixtures.account(accounts, "course-stranger", AppRoles.INSTRUCTOR);
        trainee = TeachingFixtures.account(accounts, "course-trainee", AppRoles.TRAINEE);
    }

    @Test
    void only_authors_and_administrators_change_a_course_over_http() throws Exception {
        var uploaded = send("POST", "/api/v1/courses", zip("First version."), author);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(json.readTree(uploaded.body()).get("course").asString()).isEqualTo(COURSE);
        var authors = json.readTree(
                get("/api/v1/courses/" + COURSE + "/authors", stranger).body());
        assertThat(authors.get("authors").get(0).get("username").asString()).isEqualTo("course-author");
        assertThat(authors.get("youMayChange").asBoolean()).isFalse();

        var lesson = library.dir().resolve(COURSE).resolve(LESSON_FILE);
        var original = Files.readAllBytes(lesson);
        var refused =
                send("PUT", "/api/v1/courses/" + COURSE + "/" + LESSON_FILE, lesson("Stranger's words."), stranger);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).get("error").asString())
                .isEqualTo("Only the authors of course 'authorship-demo' (course-author) and administrators can"
                        + " change it. Ask an author to add you as a co-author.");
        var replaced = send("POST", "/api/v1/courses", zip("Stranger's version."), stranger);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(403);
        assertThat(send(
                                "POST",
                                "/api/v1/courses/" + COURSE + "/authors",
                                "{\"username\": \"course-stranger\"}",
                                stranger)
                        .statusCode())
                .as("a non-author cannot make themself an author")
                .isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/courses/" + COURSE + "/authors/course-author", "", stranger)
                        .statusCode())
                .isEqualTo(403);
        assertThat(Files.readAllBytes(lesson)).as("nothing changed on disk").isEqualTo(original);
        assertThat(library.course(COURSE).lessons().getFirst().step("why").markdown())
                .isEqualTo("First version.");

        var saved = send("PUT", "/api/v1/courses/" + COURSE + "/" + LESSON_FILE, lesson("Author's words."), author);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(Files.readString(lesson)).contains("Author's words.");

        var added =
                send("POST", "/api/v1/courses/" + COURSE + "/authors", "{\"username\": \"course-coauthor\"}", author);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(json.readTree(added.body()).get("authors").findValuesAsString("username"))
                .containsExactly("course-author", "course-coauthor");
        assertThat(send("PUT", "/api/v1/courses/" + COURSE + "/" + LESSON_FILE, lesson("Co-author's words."), coAuthor)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(
                                "PUT",
                                "/api/v1/courses/" + COURSE + "/" + LESSON_FILE,
                                lesson("Admin's words."),
                                TestUsers.ADMIN)
                        .statusCode())
                .isEqualTo(200);
        assertThat(Files.readString(lesson)).contains("Admin's words.");
        var notInstructor =
                send("POST", "/api/v1/courses/" + COURSE + "/authors", "{\"username\": \"course-trainee\"}", author);
        assertThat(notInstructor.statusCode()).isEqualTo(400);
        assertThat(notInstructor.body()).contains("'course-trainee' is not an instructor's username");

        var invalid = send("PUT", "/api/v1/courses/" + COURSE + "/course.yaml", "id: [broken\n", author);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json.readTree(invalid.body())
                        .get("problems")
                        .get(0)
                        .get("file")
                        .asString())
                .isEqualTo("course.yaml");

        assertThat(events(AuditAction.COURSE_UPLOADED, COURSE)).singleElement().satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("course-author");
            assertThat(e.getDetail()).isEqualTo("new course from an uploaded zip");
        });
        assertThat(events(AuditAction.COURSE_EDITED, COURSE))
                .extracting(AuditEvent::getActor, AuditEvent::getDetail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("admin", "saved " + LESSON_FILE),
                        org.assertj.core.groups.Tuple.tuple("course-coauthor", "saved " + LESSON_FILE),
                        org.assertj.core.groups.Tuple.tuple("course-author", "saved " + LESSON_FILE));
        assertThat(events(AuditAction.COURSE_AUTHOR_ADDED, COURSE))
                .extracting(AuditEvent::getActor, AuditEvent::getDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("course-author", "course-coauthor"));
    }

    @Test
    void a_course_shipped_with_the_app_is_changed_by_administrators_only() throws Exception {
        var yaml = library.dir().resolve("foundations").resolve("course.yaml");
        var original = Files.readString(yaml);
        var refused = send("PUT", "/api/v1/courses/foundations/course.yaml", original + "\n", author);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("has no recorded author", "only administrators can change it");
        assertThat(Files.readString(yaml)).isEqualTo(original);
        assertThat(send("PUT", "/api/v1/courses/foundations/course.yaml", original, TestUsers.ADMIN)
                        .statusCode())
                .isEqualTo(200);
        assertThat(TestUsers.send(port, "PUT", "/api/v1/courses/foundations/course.yaml", trainee)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void the_service_refuses_a_non_author_and_makes_the_creator_an_author() {
        as("course-stranger", AppRoles.INSTRUCTOR, () -> {
            authoring.create("stranger-course", "A stranger's course");
            return null;
        });
        assertThat(as(
                        "course-stranger",
                        AppRoles.INSTRUCTOR,
                        () -> authoring.addLesson("stranger-course", "02-more", "More")))
                .isEmpty();
        var file = library.dir().resolve("stranger-course").resolve("course.yaml");
        var before = readString(file);
        assertThatThrownBy(() -> as(
                        "course-author",
                        AppRoles.INSTRUCTOR,
                        () -> authoring.save("stranger-course", "course.yaml", before.replace("A stranger", "My"))))
                .isInstanceOf(CourseChangeRefusedException.class)
                .hasMessageContaining("(course-stranger)");
        assertThatThrownBy(() -> as(
                        "course-author",
                        AppRoles.INSTRUCTOR,
                        () -> authoring.addLesson("stranger-course", "03-mine", "Mine")))
                .isInstanceOf(CourseChangeRefusedException.class);
        assertThat(readString(file)).isEqualTo(before);
        assertThat(library.dir().resolve("stranger-course/lessons/03-mine.md")).doesNotExist();
        assertThat(events(AuditAction.COURSE_CREATED, "stranger-course"))
                .extracting(AuditEvent::getActor, AuditEvent::getDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("course-stranger", "A stranger's course"));
        assertThat(events(AuditAction.COURSE_EDITED, "stranger-course"))
                .extracting(AuditEvent::getDetail)
                .containsExactly("added lessons/02-more.md and listed it in course.yaml");
    }

    @Test
    void assignments_and_comments_are_audited() {
        var course = TeachingFixtures.course(
                library,
                "audited-assignments",
                "Audited assignments",
                "",
                List.of(TeachingFixtures.lesson("audited-assignments-one", "One", null)));
        TeachingFixtures.cohort(cohorts, "Audited cohort", "course-author", List.of("course-trainee"));
        var cohort = as("course-author", AppRoles.INSTRUCTOR, () -> teaching.myCohorts()).stream()
                .filter(c -> c.name().equals("Audited cohort"))
                .findFirst()
                .orElseThrow();
        as("course-author", AppRoles.INSTRUCTOR, () -> {
            teaching.assign(cohort.id(), course.id(), java.time.LocalDate.of(2031, 3, 1));
            teaching.unassign(cohort.id(), course.id());
            return null;
        });
        var lessonId = course.lessons().getFirst().id();
        var text = "I would check the threshold against the ward's prevalence first.";
        as("course-trainee", AppRoles.TRAINEE, () -> progress.reflect(course.id(), lessonId, "reflect", text));
        var submission = as("course-author", AppRoles.INSTRUCTOR, () -> teaching.submissions(cohort.id(), course.id()))
                .getFirst();
        as("course-author", AppRoles.INSTRUCTOR, () -> {
            teaching.comment(cohort.id(), submission.stepProgressId(), "Good; say which prevalence.");
            return null;
        });

        var where = "cohort 'Audited cohort' (" + cohort.id() + ")";
        assertThat(events(AuditAction.COURSE_ASSIGNED, course.id()))
                .extracting(AuditEvent::getActor, AuditEvent::getDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("course-author", where + ", due 2031-03-01"));
        assertThat(events(AuditAction.COURSE_UNASSIGNED, course.id()))
                .extracting(AuditEvent::getDetail)
                .containsExactly(where);
        assertThat(events(AuditAction.SUBMISSION_COMMENTED, "course-trainee"))
                .extracting(AuditEvent::getActor, AuditEvent::getDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "course-author",
                        "commented on step 'reflect' of lesson 'audited-assignments-one' (course"
                                + " 'audited-assignments', " + where + ")"));
    }

    private List<AuditEvent> events(AuditAction action, String subject) {
        return as("admin", AppRoles.ADMIN, () -> audit.page(List.of(action), 0, 500)).stream()
                .filter(e -> subject.equals(e.getSubject()))
                .toList();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String lesson(String whyText) {
        return TeachingFixtures.lesson(COURSE + "-one", "One", null)
                .replace("A short reason, with a clinical example.", whyText);
    }

    private static byte[] zip(String whyText) throws Exception {
        var files = Map.of("course.yaml", """
                id: %s
                title: "Authorship demo"
                audience: Residents.
                prerequisites: []
                objectives: [Pass the quiz.]
                estimatedMinutes: 10
                licence: CC BY 4.0
                authors: [Tests]
                lessons: [01-lesson.md]
                """.formatted(COURSE), LESSON_FILE, lesson(whyText));
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(COURSE + "/" + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private HttpResponse<String> get(String path, TestUsers.Credentials who) {
        return TestUsers.get(port, path, who);
    }

    private HttpResponse<String> send(String method, String path, String body, TestUsers.Credentials who)
            throws Exception {
        return send(method, path, body.getBytes(StandardCharsets.UTF_8), who);
    }

    private HttpResponse<String> send(String method, String path, byte[] body, TestUsers.Credentials who)
            throws Exception {
        var basic = Base64.getEncoder()
                .encodeToString((who.username() + ":" + who.password()).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", path.endsWith("/authors") ? "application/json" : "application/octet-stream")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
