package org.deeprounds;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.deeprounds.TestUsers.Credentials;
import org.deeprounds.base.security.AppRoles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route and endpoint x {anonymous, trainee, instructor, admin}, from one table. The table must list exactly the
 * routes the application has, so a new view or endpoint without an entry fails this test.
 */
@IntegrationTest
class SecurityMatrixTest {

    /** Who may use a route. */
    enum Access {
        PUBLIC,
        SIGNED_IN,
        ADMIN,
        /** Signed in through the login form (pages outside the API): anonymous callers go to the login page. */
        SIGNED_IN_PAGE,
        /** Instructors and administrators. */
        TEACHERS,
        /** Refused to everyone (DL4J UI switches that would steer what other users see). */
        NOBODY;

        boolean allows(String role) {
            return switch (this) {
                case NOBODY -> false;
                case ADMIN -> AppRoles.ADMIN.equals(role);
                case TEACHERS -> !AppRoles.TRAINEE.equals(role);
                default -> true;
            };
        }
    }

    /** Vaadin views by route path. */
    static final Map<String, Access> VIEWS = Map.ofEntries(
            Map.entry("login", Access.PUBLIC),
            Map.entry("", Access.SIGNED_IN),
            Map.entry("account", Access.SIGNED_IN),
            Map.entry("change-password", Access.SIGNED_IN),
            Map.entry("admin/users", Access.ADMIN),
            Map.entry("admin/cohorts", Access.ADMIN),
            Map.entry("admin/import-trainees", Access.ADMIN),
            Map.entry("admin/audit", Access.ADMIN),
            Map.entry("admin/system", Access.ADMIN),
            Map.entry("datasets", Access.SIGNED_IN),
            Map.entry("dataset", Access.SIGNED_IN),
            Map.entry("builder", Access.SIGNED_IN),
            Map.entry("runs", Access.SIGNED_IN),
            Map.entry("run", Access.SIGNED_IN),
            Map.entry("runs/compare", Access.SIGNED_IN),
            Map.entry("evaluation", Access.SIGNED_IN),
            Map.entry("reader-study", Access.SIGNED_IN),
            Map.entry("courses", Access.SIGNED_IN),
            Map.entry("lesson/:course/:lesson", Access.SIGNED_IN),
            Map.entry("teaching", Access.TEACHERS),
            Map.entry("authoring", Access.TEACHERS));

    /** HTTP endpoints by "METHOD path pattern". */
    static final Map<String, Access> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /api/v1/me", Access.SIGNED_IN),
            Map.entry("PUT /api/v1/me/password", Access.SIGNED_IN),
            Map.entry("GET /api/v1/me/tokens", Access.SIGNED_IN),
            Map.entry("POST /api/v1/me/tokens", Access.SIGNED_IN),
            Map.entry("DELETE /api/v1/me/tokens/{id}", Access.SIGNED_IN),
            // Any method, any path under /api/ that no endpoint answers: 404/405 as JSON.
            Map.entry("GET /api/**", Access.SIGNED_IN),
            Map.entry("GET /api/v1/admin/users", Access.ADMIN),
            Map.entry("GET /api/v1/openapi", Access.SIGNED_IN),
            Map.entry("GET /api/v1/openapi.yaml", Access.SIGNED_IN),
            Map.entry("GET /api/v1/datasets", Access.SIGNED_IN),
            Map.entry("POST /api/v1/datasets", Access.SIGNED_IN),
            Map.entry("GET /api/v1/datasets/{id}", Access.SIGNED_IN),
            Map.entry("DELETE /api/v1/datasets/{id}", Access.SIGNED_IN),
            Map.entry("PUT /api/v1/datasets/{id}/column-types", Access.SIGNED_IN),
            Map.entry("GET /api/v1/datasets/usage", Access.SIGNED_IN),
            Map.entry("GET /api/v1/templates", Access.SIGNED_IN),
            Map.entry("GET /api/v1/runs", Access.SIGNED_IN),
            Map.entry("POST /api/v1/runs", Access.SIGNED_IN),
            Map.entry("GET /api/v1/runs/{id}", Access.SIGNED_IN),
            Map.entry("POST /api/v1/runs/{id}/cancel", Access.SIGNED_IN),
            Map.entry("POST /api/v1/runs/{id}/resume", Access.SIGNED_IN),
            Map.entry("POST /api/v1/runs/{id}/rerun", Access.SIGNED_IN),
            Map.entry("GET /api/v1/runs/{id}/evaluation", Access.SIGNED_IN),
            Map.entry("GET /api/v1/runs/{id}/validation-evaluation", Access.SIGNED_IN),
            Map.entry("POST /api/v1/runs/{id}/threshold", Access.SIGNED_IN),
            Map.entry("POST /api/v1/runs/{id}/reader-studies", Access.SIGNED_IN),
            Map.entry("GET /api/v1/runs/{id}/reader-studies", Access.SIGNED_IN),
            Map.entry("GET /api/v1/reader-studies/{id}", Access.SIGNED_IN),
            Map.entry("GET /api/v1/reader-studies/{id}/cases/{caseId}", Access.SIGNED_IN),
            Map.entry("PUT /api/v1/reader-studies/{id}/reads/{caseId}", Access.SIGNED_IN),
            Map.entry("GET /api/v1/reader-studies/{id}/results", Access.SIGNED_IN),
            Map.entry("GET /api/v1/runs/{id}/predictions", Access.SIGNED_IN),
            Map.entry("GET /api/v1/runs/{id}/model-card", Access.SIGNED_IN),
            Map.entry("GET /api/v1/runs/{id}/explanations/{caseId}", Access.SIGNED_IN),
            Map.entry("GET /api/v1/runs/{id}/feature-importance", Access.SIGNED_IN),
            Map.entry("POST /api/v1/runs/{id}/try", Access.SIGNED_IN),
            Map.entry("GET /api/v1/runs/{id}/layers", Access.SIGNED_IN),
            Map.entry("GET /api/v1/cohorts/{id}/progress.csv", Access.TEACHERS),
            Map.entry("GET /api/v1/courses/{id}.zip", Access.TEACHERS),
            Map.entry("POST /api/v1/courses", Access.TEACHERS),
            Map.entry("PUT /api/v1/courses/{id}/course.yaml", Access.TEACHERS),
            Map.entry("PUT /api/v1/courses/{id}/lessons/{file}", Access.TEACHERS),
            Map.entry("GET /api/v1/courses/{id}/authors", Access.TEACHERS),
            Map.entry("POST /api/v1/courses/{id}/authors", Access.TEACHERS),
            Map.entry("DELETE /api/v1/courses/{id}/authors/{username}", Access.TEACHERS),
            Map.entry("GET /curricula-files/{course:[a-z0-9-]+}/images/{file:[A-Za-z0-9._-]+}", Access.SIGNED_IN_PAGE),
            Map.entry("GET /train", Access.SIGNED_IN_PAGE),
            Map.entry("GET /train/", Access.SIGNED_IN_PAGE),
            Map.entry("GET /train/{run:\\d+}", Access.SIGNED_IN_PAGE),
            Map.entry("GET /train/{run:\\d+}/**", Access.SIGNED_IN_PAGE),
            Map.entry("GET /train/sessions/lastUpdate/{run:\\d+}", Access.SIGNED_IN_PAGE),
            Map.entry("GET /setlang/**", Access.NOBODY),
            Map.entry("GET /train/multisession", Access.SIGNED_IN_PAGE),
            Map.entry("GET /assets/**", Access.SIGNED_IN_PAGE),
            Map.entry("GET /train/sessions/**", Access.NOBODY),
            Map.entry("GET /train/workers/**", Access.NOBODY),
            Map.entry("GET /train/model/**", Access.NOBODY),
            Map.entry("GET /train/overview/**", Access.NOBODY),
            Map.entry("GET /train/system/**", Access.NOBODY),
            Map.entry("GET /remoteReceive/**", Access.NOBODY),
            Map.entry("GET /actuator", Access.ADMIN),
            Map.entry("GET /actuator/health", Access.PUBLIC),
            Map.entry("GET /actuator/info", Access.ADMIN),
            Map.entry("GET /actuator/metrics", Access.ADMIN));

    /** Query parameters that name another session, worker or layer than the path does. */
    static final String HOSTILE_QUERY = "?sessionId=1&sessionID=1&to=1&workerId=0&layerId=1&_=1";

    static boolean isDl4jRoute(String path) {
        return path.startsWith("/train")
                || path.startsWith("/assets")
                || path.startsWith("/setlang")
                || path.startsWith("/remoteReceive");
    }

    static final Map<String, Credentials> USERS = Map.of(
            AppRoles.TRAINEE, TestUsers.TRAINEE,
            AppRoles.INSTRUCTOR, TestUsers.INSTRUCTOR,
            AppRoles.ADMIN, TestUsers.ADMIN);

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    PathMappedEndpoints actuatorEndpoints;

    @Test
    void the_table_lists_every_view_of_the_application() {
        assertThat(discoverViews().keySet()).containsExactlyInAnyOrderElementsOf(VIEWS.keySet());
    }

    @Test
    void the_table_lists_every_http_endpoint_of_the_application() {
        var discovered = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (isOurs(handler)) {
                var methods = info.getMethodsCondition().getMethods().isEmpty()
                        ? List.of("GET")
                        : info.getMethodsCondition().getMethods().stream()
                                .map(Enum::name)
                                .toList();
                for (var method : methods) {
                    info.getPatternValues().forEach(p -> discovered.add(method + " " + p));
                }
            }
        });
        discovered.add("GET /actuator");
        actuatorEndpoints.getAllPaths().forEach(p -> discovered.add("GET " + p));
        assertThat(discovered).containsExactlyInAnyOrderElementsOf(ENDPOINTS.keySet());
    }

    @TestFactory
    Stream<DynamicTest> views_allow_and_deny_as_the_table_says() {
        var checker = new AccessAnnotationChecker();
        var tests = new ArrayList<DynamicTest>();
        discoverViews().forEach((path, view) -> {
            var access = VIEWS.get(path);
            tests.add(DynamicTest.dynamicTest("anonymous GET /" + path, () -> {
                var response = TestUsers.get(port, "/" + path, null);
                if (access == Access.PUBLIC) {
                    assertThat(response.statusCode()).isEqualTo(200);
                } else {
                    assertThat(response.statusCode()).isEqualTo(302);
                    assertThat(response.headers().firstValue("Location"))
                            .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
                }
            }));
            for (var role : AppRoles.ALL) {
                tests.add(DynamicTest.dynamicTest(role + " opens /" + path, () -> {
                    var principal = new UsernamePasswordAuthenticationToken(role.toLowerCase(), "n/a", List.of());
                    boolean allowed = checker.hasAccess(view, principal, role::equals);
                    assertThat(allowed)
                            .as("%s may open /%s", role, path)
                            .isEqualTo(access == Access.PUBLIC || access.allows(role));
                }));
            }
        });
        return tests.stream();
    }

    /**
     * Anonymous: 401 (200 when public). A role the table allows: anything but 401/403 (a path variable is filled
     * with an id that does not exist, so 404 is fine). A role it does not allow: 403.
     */
    @TestFactory
    Stream<DynamicTest> endpoints_allow_and_deny_as_the_table_says() {
        var tests = new ArrayList<DynamicTest>();
        ENDPOINTS.forEach((endpoint, access) -> {
            var method = endpoint.substring(0, endpoint.indexOf(' '));
            var path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "987654");
            if (!path.startsWith("/api/") && !path.startsWith("/actuator")) {
                tests.addAll(pageEndpointTests(endpoint, path, access));
                if (isDl4jRoute(path)) {
                    // DL4J reads a query parameter in place of the path's run: the answer must not change.
                    tests.addAll(pageEndpointTests(endpoint + HOSTILE_QUERY, path + HOSTILE_QUERY, access));
                }
                return;
            }
            tests.add(DynamicTest.dynamicTest("anonymous " + endpoint, () -> {
                var response = TestUsers.send(port, method, path, null);
                assertThat(response.statusCode()).isEqualTo(access == Access.PUBLIC ? 200 : 401);
                if (access != Access.PUBLIC) {
                    assertThat(response.headers().firstValue("Content-Type"))
                            .hasValueSatisfying(t -> assertThat(t).contains("json"));
                }
            }));
            USERS.forEach((role, user) -> tests.add(DynamicTest.dynamicTest(role + " " + endpoint, () -> {
                var response = TestUsers.send(port, method, path, user);
                if (access.allows(role)) {
                    assertThat(response.statusCode())
                            .as("%s %s: %s", role, endpoint, response.body())
                            .isNotIn(401, 403)
                            .isLessThan(500);
                } else {
                    assertThat(response.statusCode())
                            .as("%s %s", role, endpoint)
                            .isEqualTo(403);
                }
            })));
        });
        return tests.stream();
    }

    /** Outside the API: anonymous callers are sent to the login page; signed-in users through the form. */
    private List<DynamicTest> pageEndpointTests(String endpoint, String path, Access access) {
        var tests = new ArrayList<DynamicTest>();
        tests.add(DynamicTest.dynamicTest("anonymous " + endpoint, () -> {
            var response = TestUsers.getWithSession(port, path, null);
            assertThat(response.statusCode()).as(endpoint).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }));
        USERS.forEach((role, user) -> tests.add(DynamicTest.dynamicTest(role + " " + endpoint, () -> {
            var response = TestUsers.getWithSession(port, path, TestUsers.formSession(port, user));
            if (access.allows(role)) {
                assertThat(response.statusCode())
                        .as("%s %s: %s", role, endpoint, response.body())
                        .isNotIn(302, 401, 403)
                        .isLessThan(500);
            } else {
                assertThat(response.statusCode()).as("%s %s", role, endpoint).isEqualTo(403);
            }
        })));
        return tests;
    }

    @Test
    void public_health_says_only_up() {
        var response = TestUsers.get(port, "/actuator/health", null);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void every_response_carries_the_security_headers() {
        for (var path : List.of("/login", "/api/v1/me", "/actuator/health")) {
            var headers = TestUsers.get(port, path, null).headers();
            assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'self'", "object-src 'none'"));
        }
    }

    private static boolean isOurs(HandlerMethod handler) {
        var type = handler.getBeanType().getName();
        return type.startsWith("org.deeprounds.") || type.startsWith("org.springdoc.");
    }

    /** Every class with {@code @Route} under org.deeprounds, by its path. */
    static Map<String, Class<?>> discoverViews() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        var views = new HashMap<String, Class<?>>();
        for (var candidate : scanner.findCandidateComponents("org.deeprounds")) {
            try {
                var type = Class.forName(candidate.getBeanClassName());
                views.put(type.getAnnotation(Route.class).value(), type);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return views;
    }
}
