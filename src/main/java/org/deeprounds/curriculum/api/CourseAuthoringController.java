package org.deeprounds.curriculum.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.deeprounds.base.api.ApiProblems;
import org.deeprounds.curriculum.AuthoringService;
import org.deeprounds.curriculum.CourseAuthors;
import org.deeprounds.curriculum.CourseChangeRefusedException;
import org.deeprounds.curriculum.CourseProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Courses changed by scripts (a course kept in git, installed by CI): upload a zip, save one file, manage authors.
 * The same rules as the authoring page: instructors and administrators; a course is changed only by its authors and
 * administrators (403 naming who may), and a change that leaves the course with problems writes nothing (400 listing
 * them).
 */
@RestController
class CourseAuthoringController {

    /** A course file is text of a few kilobytes; more is refused before it is read into memory. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    /** The {@code error} of a 400 whose problems are listed: what happened to the upload or the file. */
    static final String NOT_INSTALLED = "Not installed: the uploaded course has problems; nothing was changed.";

    static final String NOT_SAVED = "Not saved: the course would have problems; nothing was written.";

    private final AuthoringService authoring;
    private final CourseAuthors authors;

    CourseAuthoringController(AuthoringService authoring, CourseAuthors authors) {
        this.authoring = authoring;
        this.authors = authors;
    }

    record AuthorRequest(String username) {}

    @GetMapping("/api/v1/courses/{id}/authors")
    CourseAuthors.Authorship authors(@PathVariable String id) {
        authoring.files(id); // 404 for a course that does not exist
        return authors.of(id);
    }

    @PostMapping("/api/v1/courses/{id}/authors")
    CourseAuthors.Authorship addAuthor(@PathVariable String id, @RequestBody(required = false) AuthorRequest request) {
        authoring.files(id);
        return authors.add(id, request == null ? null : request.username());
    }

    @DeleteMapping("/api/v1/courses/{id}/authors/{username}")
    CourseAuthors.Authorship removeAuthor(@PathVariable String id, @PathVariable String username) {
        authoring.files(id);
        return authors.remove(id, username);
    }

    /** Replaces course.yaml: 200 with no problems when written, 400 with the problems when not. */
    @PutMapping("/api/v1/courses/{id}/course.yaml")
    ResponseEntity<?> saveCourseYaml(@PathVariable String id, HttpServletRequest request) throws IOException {
        return save(id, "course.yaml", request);
    }

    /** Replaces (or adds) a lesson file listed in course.yaml: 200 when written, 400 with the problems when not. */
    @PutMapping("/api/v1/courses/{id}/lessons/{file}")
    ResponseEntity<?> saveLesson(@PathVariable String id, @PathVariable String file, HttpServletRequest request)
            throws IOException {
        return save(id, "lessons/" + file, request);
    }

    /**
     * Installs a course from a zip (the request body): a new course, whose uploader becomes its author, or a new
     * version of a course the caller may change. 200 {"course", "problems": []}; 400 with the problems (a problem
     * detail with {@code course} and {@code problems}), nothing changed.
     */
    @PostMapping("/api/v1/courses")
    ResponseEntity<?> upload(HttpServletRequest request) throws IOException {
        var result = authoring.upload(request.getInputStream());
        var body = new LinkedHashMap<String, Object>();
        body.put("course", result.course());
        body.put("problems", problems(result.problems()));
        if (!result.problems().isEmpty()) {
            return ApiProblems.answer(HttpStatus.BAD_REQUEST, NOT_INSTALLED, body);
        }
        return ResponseEntity.ok(body);
    }

    private ResponseEntity<?> save(String course, String file, HttpServletRequest request) throws IOException {
        var bytes = request.getInputStream().readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            return ApiProblems.answer(
                    HttpStatus.valueOf(413), file + " is larger than " + MAX_FILE_BYTES / 1024 + " KB");
        }
        var found = authoring.save(course, file, new String(bytes, StandardCharsets.UTF_8));
        var body = new LinkedHashMap<String, Object>();
        body.put("course", course);
        body.put("file", file);
        body.put("problems", problems(found));
        if (!found.isEmpty()) {
            return ApiProblems.answer(HttpStatus.BAD_REQUEST, NOT_SAVED, body);
        }
        return ResponseEntity.ok(body);
    }

    private static List<Map<String, Object>> problems(List<CourseProblem> found) {
        return found.stream()
                .map(p -> Map.<String, Object>of("file", p.file(), "line", p.line(), "message", p.message()))
                .toList();
    }

    @ExceptionHandler(CourseChangeRefusedException.class)
    ResponseEntity<ProblemDetail> refused(CourseChangeRefusedException e) {
        return ApiProblems.answer(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
        return ApiProblems.answer(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return ApiProblems.answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
