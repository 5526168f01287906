package org.deeprounds.curriculum.api;

import java.util.NoSuchElementException;
import org.deeprounds.base.api.ApiProblems;
import org.deeprounds.curriculum.AuthoringService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A course folder as a zip, for instructors and administrators. */
@RestController
class CourseZipController {

    private final AuthoringService authoring;

    CourseZipController(AuthoringService authoring) {
        this.authoring = authoring;
    }

    @GetMapping("/api/v1/courses/{id}.zip")
    ResponseEntity<byte[]> zip(@PathVariable String id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(id + ".zip")
                                .build()
                                .toString())
                .body(authoring.zip(id));
    }

    @ExceptionHandler({NoSuchElementException.class, IllegalArgumentException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
        return ApiProblems.answer(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
