package org.deeprounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code X-Forwarded-*} headers are honoured only from the proxies named in
 * {@code server.tomcat.remoteip.internal-proxies} (none by default): any client could otherwise send the app's
 * redirects to a host of its choosing. (That a configured proxy is honoured was checked in a separate application
 * started with {@code internal-proxies=127\\.0\\.0\\.1}; it is not kept here because a second Vaadin application
 * in the test JVM was seen to break the shared one: CsrfTest then answered 500.)
 */
@IntegrationTest
class ForwardedHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void forwarded_headers_from_an_unconfigured_client_are_ignored() throws Exception {
        var response = forwardedGet(port);
        assertThat(response.statusCode()).isBetween(300, 399);
        var location = response.headers().firstValue("Location").orElse("");
        assertThat(location).doesNotContain("evil.example").doesNotStartWith("https:");
    }

    private static HttpResponse<String> forwardedGet(int port) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
