package org.deeprounds.insight.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.deeprounds.insight.StatsFiles;
import org.deeprounds.insight.TrainingUi;
import org.deeprounds.training.RunService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * DL4J's training UI, reached only through the app: the login comes first (the security chain), then each request
 * naming a run is checked against the user's runs before it is forwarded to the loopback UI server. DL4J's own session
 * list is replaced by the user's runs, and its routes that switch a server-wide session or worker are refused.
 */
@Controller
class TrainingUiBridge {

    private final RunService runs;
    private final StatsFiles files;
    private final TrainingUi ui;
    private final HttpClient http = HttpClient.newBuilder()
            // DL4J's Vert.x answers HTTP/1.1; an upgrade attempt to HTTP/2 only hides errors.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    TrainingUiBridge(RunService runs, StatsFiles files, TrainingUi ui) {
        this.runs = runs;
        this.files = files;
        this.ui = ui;
    }

    /** Runs listed on one page of {@link #sessions}. */
    static final int SESSIONS_PAGE = 50;

    /**
     * The sessions the user may see: their runs (and, for instructors, their cohorts') that have statistics, newest
     * first, {@value #SESSIONS_PAGE} runs a page ({@code ?page=N}).
     */
    @GetMapping({"/train", "/train/"})
    ResponseEntity<String> sessions(@RequestParam(name = "page", defaultValue = "0") int page) {
        var found = runs.list(Math.max(0, page), SESSIONS_PAGE);
        var html = new StringBuilder("<!doctype html><html><head><meta charset='utf-8'><title>Training UI · runs"
                + "</title></head><body style='font-family:sans-serif'><h1>DL4J training UI</h1>"
                + "<p>Runs you may see that have recorded layer statistics:</p><ul id='sessions'>");
        for (var run : found.runs()) {
            if (files.exists(runs.folderOf(run.id()).path())) {
                html.append("<li><a href='/train/")
                        .append(run.id())
                        .append("/overview'>Run ")
                        .append(run.id())
                        .append("</a> · ")
                        .append(HtmlUtils.htmlEscape(String.valueOf(run.template())))
                        .append(" · ")
                        .append(HtmlUtils.htmlEscape(run.owner()))
                        .append(" · ")
                        .append(run.status())
                        .append("</li>");
            }
        }
        html.append("</ul>");
        if (found.page() > 0) {
            html.append("<p><a href='/train?page=").append(found.page() - 1).append("'>Newer runs</a></p>");
        }
        if (found.hasNext()) {
            html.append("<p><a href='/train?page=").append(found.page() + 1).append("'>Older runs</a></p>");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .body(html.append("<p><a href='/runs'>Back to DeepRounds</a></p></body></html>")
                        .toString());
    }

    @GetMapping({"/train/{run:\\d+}", "/train/{run:\\d+}/**", "/train/sessions/lastUpdate/{run:\\d+}"})
    ResponseEntity<byte[]> session(@PathVariable long run, HttpServletRequest request) throws IOException {
        var storage = files.existing(runs.folderOfOrDeny(run).path())
                .orElseThrow(() -> new NoSuchElementException("Run " + run + " has no layer statistics yet: they are"
                        + " recorded from its first iteration on."));
        ui.show(storage);
        return forward(ForwardedRequest.sessionPath(run, request.getRequestURI()), request);
    }

    @GetMapping("/train/multisession")
    ResponseEntity<byte[]> multiSession(HttpServletRequest request) throws IOException {
        return forward("/train/multisession", request);
    }

    /** DL4J's static files; one that does not exist is answered here (DL4J's server never answers it). */
    @GetMapping("/assets/**")
    ResponseEntity<byte[]> asset(HttpServletRequest request) throws IOException {
        var path = request.getRequestURI().substring("/assets/".length());
        var resource = path.contains("webjars")
                ? "META-INF/resources/" + path.substring(path.indexOf("webjars"))
                : "deeplearning4jUiAssets/" + path;
        if (path.contains("..") || getClass().getClassLoader().getResource(resource) == null) {
            throw new NoSuchElementException("No such file: " + path);
        }
        return forward(ForwardedRequest.assetPath(request.getRequestURI()), request);
    }

    /**
     * Server-wide switches would let one user steer what others see: DL4J's single-session routes, and its language
     * switch (which, whatever the session in the URL, sets the language of the whole server).
     */
    @RequestMapping({
        "/train/sessions/**",
        "/train/workers/**",
        "/train/model/**",
        "/train/overview/**",
        "/train/system/**",
        "/remoteReceive/**",
        "/setlang/**"
    })
    ResponseEntity<String> refused() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.TEXT_PLAIN)
                .body("Not available: open a run's training UI from its page.");
    }

    /**
     * Forwards {@code path} (rebuilt by {@link ForwardedRequest} from what was checked) with only the allow-listed
     * query parameters: DL4J reads a query parameter named like a path variable ({@code ?sessionId=N}) in place of
     * the path's, so the client's query string is never passed on as it came.
     */
    private ResponseEntity<byte[]> forward(String path, HttpServletRequest request) throws IOException {
        var target = "http://127.0.0.1:" + ui.port() + path + ForwardedRequest.query(request.getParameterMap());
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(target))
                            .timeout(Duration.ofSeconds(15))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            var headers = new HttpHeaders();
            response.headers()
                    .firstValue("content-type")
                    .ifPresent(type -> headers.set(HttpHeaders.CONTENT_TYPE, type));
            // DL4J redirects /train/<run> to its overview: pass the target on (same paths, same origin).
            response.headers().firstValue("location").ifPresent(l -> headers.set(HttpHeaders.LOCATION, l));
            headers.setCacheControl("no-store");
            return new ResponseEntity<>(response.body(), headers, HttpStatus.valueOf(response.statusCode()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking DL4J's training UI", e);
        }
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<String> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_PLAIN)
                .body(e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.TEXT_PLAIN)
                .body("You may not see this run.");
    }
}
