package org.deeprounds.evaluation.api;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.deeprounds.base.api.ApiProblems;
import org.deeprounds.evaluation.Evaluation;
import org.deeprounds.evaluation.EvaluationService;
import org.deeprounds.evaluation.Explanation;
import org.deeprounds.evaluation.FeatureImportance;
import org.deeprounds.evaluation.Prediction;
import org.deeprounds.evaluation.ThresholdLocks;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A completed run judged on its test split. Field names are a contract other tools rely on. */
@RestController
@RequestMapping("/api/v1/runs/{id}")
class EvaluationController {

    private final EvaluationService evaluations;
    private final ThresholdLocks locks;

    EvaluationController(EvaluationService evaluations, ThresholdLocks locks) {
        this.evaluations = evaluations;
        this.locks = locks;
    }

    /** The same figures as {@code /evaluation}, on the validation split: where a threshold is chosen. */
    @GetMapping("/validation-evaluation")
    Evaluation validationEvaluation(
            @PathVariable("id") long id, @RequestParam(name = "threshold", required = false) Double threshold) {
        return evaluations.evaluateValidation(id, threshold);
    }

    /** {"threshold": t, "justification": optional}: locks the run's threshold (its owner only). */
    record LockRequest(Double threshold, String justification) {}

    @PostMapping("/threshold")
    Map<String, Object> lock(@PathVariable("id") long id, @RequestBody LockRequest request) {
        if (request == null || request.threshold() == null) {
            throw new IllegalArgumentException("threshold: required, a number between 0 and 1");
        }
        var locked = locks.lock(id, request.threshold(), request.justification());
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("runId", id);
        body.put("lockedThreshold", locked.threshold());
        body.put("thresholdChosenOn", locked.chosenOn());
        body.put("lockedAt", locked.lockedAt().toString());
        body.put("lockedBy", locked.lockedBy());
        return body;
    }

    @GetMapping("/evaluation")
    Evaluation evaluation(
            @PathVariable("id") long id, @RequestParam(name = "threshold", required = false) Double threshold) {
        return evaluations.evaluate(id, threshold);
    }

    /** The model card as Markdown (default) or a standalone HTML page ({@code format=html}). */
    @GetMapping("/model-card")
    ResponseEntity<String> modelCard(
            @PathVariable("id") long id,
            @RequestParam(name = "threshold", required = false) Double threshold,
            @RequestParam(name = "format", defaultValue = "markdown") String format) {
        var card = evaluations.modelCard(id, threshold);
        var name = "model-card-run-" + id;
        return switch (format) {
            case "markdown", "md" ->
                ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".md\"")
                        .body(card.markdown());
            case "html" ->
                ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".html\"")
                        .body(card.html());
            default -> throw new IllegalArgumentException("format must be markdown or html, not '" + format + "'");
        };
    }

    /** Why the model called one test case ("test-7") what it did: maps, mutagenesis or contributions. */
    @GetMapping("/explanations/{caseId}")
    Explanation explanation(@PathVariable("id") long id, @PathVariable("caseId") String caseId) {
        return evaluations.explain(id, caseId);
    }

    /** "Try a case": {"sequence"}, {"values": {column: value}} or {"imageBase64"}; the prediction explained. */
    @PostMapping("/try")
    Explanation tryCase(@PathVariable("id") long id, @RequestBody EvaluationService.CaseInput input) {
        return evaluations.tryCase(id, input);
    }

    /** Permutation importance per column on the test split (patient tables). */
    @GetMapping("/feature-importance")
    List<FeatureImportance> featureImportance(@PathVariable("id") long id) {
        return evaluations.featureImportance(id);
    }

    @GetMapping("/predictions")
    List<Prediction> predictions(@PathVariable("id") long id) {
        return evaluations.predictions(id);
    }

    /** {@link ApiProblems}: 404 for a run that is not yours, 409 before it completed, 400 for a bad threshold. */
    @RestControllerAdvice(assignableTypes = EvaluationController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Errors {

        @ExceptionHandler(NoSuchElementException.class)
        ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
            return ApiProblems.answer(HttpStatus.NOT_FOUND, e.getMessage());
        }

        @ExceptionHandler(IllegalStateException.class)
        ResponseEntity<ProblemDetail> notYet(IllegalStateException e) {
            return ApiProblems.answer(HttpStatus.CONFLICT, e.getMessage());
        }

        @ExceptionHandler(org.deeprounds.datasets.model.DatasetFormatException.class)
        ResponseEntity<ProblemDetail> badCase(org.deeprounds.datasets.model.DatasetFormatException e) {
            return ApiProblems.answer(HttpStatus.BAD_REQUEST, e.getMessage());
        }

        @ExceptionHandler(IllegalArgumentException.class)
        ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
            return ApiProblems.answer(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
        }

        @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
        ResponseEntity<ProblemDetail> notANumber(
                org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
            return ApiProblems.answer(
                    HttpStatus.BAD_REQUEST,
                    e.getName() + " must be a number between 0 and 1, not '" + e.getValue() + "'");
        }
    }
}
