package org.deeprounds.curriculum.api;

import java.nio.charset.StandardCharsets;
import org.deeprounds.base.api.ApiProblems;
import org.deeprounds.curriculum.TeachingService;
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

/** A cohort's grades for the school's LMS: instructors of the cohort and administrators. */
@RestController
class CohortProgressController {

    private final TeachingService teaching;

    CohortProgressController(TeachingService teaching) {
        this.teaching = teaching;
    }

    @GetMapping("/api/v1/cohorts/{id}/progress.csv")
    ResponseEntity<byte[]> progress(@PathVariable long id) {
        var csv = teaching.csv(id);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("cohort-" + id + "-progress.csv")
                                .build()
                                .toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @ExceptionHandler(java.util.NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(java.util.NoSuchElementException e) {
        return ApiProblems.answer(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
