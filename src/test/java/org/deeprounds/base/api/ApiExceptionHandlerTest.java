package org.deeprounds.base.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;

/** What no feature handler answers: unexpected failures hide their message; access errors go on to security. */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void an_unexpected_failure_under_the_api_answers_500_with_a_reference_and_not_its_message() throws Exception {
        var failure = new NullPointerException("Cannot invoke \"Run.spec()\" because \"run\" is null");

        var answer = handler.other(failure, new MockHttpServletRequest("GET", "/api/v1/runs/7"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        var problem = answer.getBody();
        assertThat(problem.getDetail())
                .matches("Something went wrong on the server \\(ref [0-9A-F]{6}\\)\\..*")
                .doesNotContain("Run.spec", "null");
        assertThat(problem.getProperties()).containsEntry(ApiProblems.ERROR, problem.getDetail());
    }

    @Test
    void access_errors_and_pages_outside_the_api_are_not_answered_here() {
        var denied = new AccessDeniedException("Access Denied");
        assertThatThrownBy(() -> handler.other(denied, new MockHttpServletRequest("GET", "/api/v1/runs/7")))
                .isSameAs(denied);
        var failure = new IllegalStateException("boom");
        assertThatThrownBy(() -> handler.other(failure, new MockHttpServletRequest("GET", "/training-ui/7")))
                .isSameAs(failure);
    }
}
