package org.deeprounds.curriculum.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.deeprounds.curriculum.AuthoringService;
import org.deeprounds.curriculum.CourseAuthors;
import org.deeprounds.curriculum.CourseChangeRefusedException;
import org.deeprounds.curriculum.CourseProblem;
import org.springframework.http.HttpStatus;
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
    ResponseEntity<Map<String, Object>> saveCourseYaml(@PathVariable String id, HttpServletRequest request)
            throws IOException {
        return save(id, "course.yaml", request);
    }

    /** Replaces (or adds) a lesson file listed in course.yaml: 200 when written, 400 with the problems when not. */
    @PutMapping("/api/v1/courses/{id}/lessons/{file}")
    ResponseEntity<Map<String, Object>> saveLesson(
            @PathVariable String id, @PathVariable String file, HttpServletRequest request) throws IOException {
        return save(id, "lessons/" + file, request);
    }

    /**
     * Installs a course from a zip (the request body): a new course, whose uploader becomes its author, or a new
     * version of a course the caller may change. 200 {"course", "problems": []}; 400 with the problems, nothing
     * changed.
     */
    @PostMapping("/api/v1/courses")
    ResponseEntity<Map<String, Object>> upload(HttpServletRequest request) throws IOException {
        var result = authoring.upload(request.getInputStream());
        var body = new LinkedHashMap<String, Object>();
        body.put("course", result.course());
        body.put("problems", problems(result.problems()));
        return ResponseEntity.status(result.problems().isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .body(body);
    }

    private ResponseEntity<Map<String, Object>> save(String course, String file, HttpServletRequest request)
            throws IOException {
        var bytes = request.getInputStream().readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            return ResponseEntity.status(HttpStatus.valueOf(413))
                    .body(Map.of("error", file + " is larger than " + MAX_FILE_BYTES / 1024 + " KB"));
        }
        var found = authoring.save(course, file, new String(bytes, StandardCharsets.UTF_8));
        var body = new LinkedHashMap<String, Object>();
        body.put("course", course);
        body.put("file", file);
        body.put("problems", problems(found));
        if (!found.isEmpty()) {
            body.put("error", "Not saved: the course would have problems; nothing was written.");
        }
        return ResponseEntity.status(found.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .body(body);
    }

    private static List<Map<String, Object>> problems(List<CourseProblem> found) {
        return found.stream()
                .map(p -> Map.<String, Object>of("file", p.file(), "line", p.line(), "message", p.message()))
                .toList();
    }

    @ExceptionHandler(CourseChangeRefusedException.class)
    ResponseEntity<Map<String, String>> refused(CourseChangeRefusedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
