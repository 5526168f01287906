package org.deeprounds.base.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Everything under {@code /api/} that no endpoint answers: 404 (or 405 when the path exists for other methods) as a
 * problem detail ({@link ApiProblems}). Without it such a request falls through to Vaadin, which answers 200 with the
 * app's HTML page, and a script then fails parsing HTML. More specific mappings always win over this one.
 */
@RestController
class UnknownApiPathController {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    UnknownApiPathController(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        var allowed = methodsFor(request);
        var path = request.getRequestURI();
        if (!allowed.isEmpty()) {
            var problem = ApiProblems.problem(
                    HttpStatus.METHOD_NOT_ALLOWED,
                    request.getMethod() + " is not supported for " + path + "; use " + String.join(", ", allowed)
                            + ".");
            return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                    .header(HttpHeaders.ALLOW, String.join(", ", allowed))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ApiProblems.answer(
                HttpStatus.NOT_FOUND,
                "No API endpoint " + request.getMethod() + " " + path + "; the API is described at /api/v1/openapi.");
    }

    /** The methods other endpoints accept for this path (empty when no other endpoint matches it). */
    private Set<String> methodsFor(HttpServletRequest request) {
        var methods = new TreeSet<String>();
        mappings.getObject().getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType() != UnknownApiPathController.class
                    && info.getPathPatternsCondition() != null
                    && info.getPathPatternsCondition().getMatchingCondition(request) != null) {
                var declared = info.getMethodsCondition().getMethods();
                if (declared.isEmpty()) {
                    methods.add("GET");
                } else {
                    declared.forEach(m -> methods.add(m.name()));
                }
            }
        });
        return methods;
    }
}
