package org.deeprounds.insight.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * What the bridge passes on to DL4J's UI server, rebuilt from what the app has checked rather than copied from the
 * client. DL4J's routes read their path variables with Vert.x's {@code getParam}, which prefers a query parameter of
 * the same name: {@code /train/7/overview/data?sessionId=2} would read run 2 after the app checked run 7. So the path
 * is rebuilt from the checked run id and plain segments, and the query keeps only the parameters listed here.
 */
final class ForwardedRequest {

    /**
     * Query parameters DL4J's pages may send, with the values they may take. DL4J's training pages send none of their
     * own; jQuery's cache-buster {@code _} (a timestamp) is harmless. Never a session, worker or layer id.
     */
    static final Map<String, Pattern> ALLOWED_QUERY = Map.of("_", Pattern.compile("\\d{1,20}"));

    private static final Pattern SESSION_PATH = Pattern.compile("^/train/\\d+((?:/[A-Za-z0-9_-]+)*)/?$");
    private static final Pattern LAST_UPDATE_PATH = Pattern.compile("^/train/sessions/lastUpdate/\\d+/?$");
    private static final Pattern ASSET_PATH = Pattern.compile("^/assets(/[A-Za-z0-9_.-]+)+$");

    private ForwardedRequest() {}

    /**
     * The path for a run's DL4J route, with the run id the app checked and the rest of the request's path, made of
     * plain segments only (letters, digits, '_' and '-'); anything else (encoded characters, ';', '..') is not a
     * DL4J route and answers 404.
     */
    static String sessionPath(long run, String requestUri) {
        if (LAST_UPDATE_PATH.matcher(requestUri).matches()) {
            return "/train/sessions/lastUpdate/" + run;
        }
        var matcher = SESSION_PATH.matcher(requestUri);
        if (!matcher.matches()) {
            throw new NoSuchElementException("No such page of the training UI: " + requestUri);
        }
        return "/train/" + run + matcher.group(1);
    }

    /** The path of one of DL4J's static files: plain segments only, no "..". */
    static String assetPath(String requestUri) {
        if (!ASSET_PATH.matcher(requestUri).matches() || requestUri.contains("..")) {
            throw new NoSuchElementException("No such file: " + requestUri);
        }
        return requestUri;
    }

    /**
     * The query string to forward ("" or "?name=value&..."): allow-listed names whose single value matches its
     * pattern; every other parameter is dropped.
     */
    static String query(Map<String, String[]> parameters) {
        var query = new StringJoiner("&", "?", "").setEmptyValue("");
        ALLOWED_QUERY.forEach((name, allowed) -> {
            var values = parameters.get(name);
            if (values != null
                    && values.length == 1
                    && allowed.matcher(values[0]).matches()) {
                query.add(name + "=" + URLEncoder.encode(values[0], StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }
}
