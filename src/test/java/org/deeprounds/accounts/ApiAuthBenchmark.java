package org.deeprounds.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.deeprounds.base.security.AppRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests per second of 30 concurrent clients on a cheap authenticated call ({@code GET /api/v1/me}) signed in three
 * ways: a personal API token, HTTP Basic (bcrypt on every call) and a browser session cookie. Real HTTP/1.1 on
 * loopback against the test application (in-memory H2), each client with its own connection; the client threads
 * share the machine's cores with the server. Each round runs every way for {@code bench.seconds} in a rotating order;
 * prints one {@code RESULT} line per round and way, then the medians. Not part of the normal test run:
 *
 * <p>{@code mvn test -Dtest=ApiAuthBenchmark -Dbenchmark=true [-Dbench.rounds=3] [-Dbench.seconds=10]}
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ApiAuthBenchmark {

    static final int CLIENTS = 30;

    enum Way {
        TOKEN,
        BASIC,
        SESSION
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ApiTokenService tokens;

    @Test
    void a_token_is_as_cheap_as_a_session_and_much_cheaper_than_basic() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        int seconds = Integer.getInteger("bench.seconds", 10);
        var user = TestUsers.newAccount(accounts, "bench-" + System.nanoTime() % 100_000, AppRoles.TRAINEE, true);
        var token = TestUsers.as(user.username(), AppRoles.TRAINEE, () -> tokens.create(user.username(), "bench", null))
                .token();
        var cookie = TestUsers.formSession(port, user);
        var basic = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user.username() + ":" + user.password())
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<Way, String[]> headers = new EnumMap<>(Way.class);
        headers.put(Way.TOKEN, new String[] {"Authorization", "Bearer " + token});
        headers.put(Way.BASIC, new String[] {"Authorization", basic});
        headers.put(Way.SESSION, new String[] {"Cookie", cookie});

        for (var way : Way.values()) {
            measure(headers.get(way), 3); // warm-up
        }
        Map<Way, List<Double>> rates = new EnumMap<>(Way.class);
        var ways = Way.values();
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < ways.length; i++) {
                var way = ways[(i + round - 1) % ways.length];
                double rate = measure(headers.get(way), seconds);
                rates.computeIfAbsent(way, w -> new ArrayList<>()).add(rate);
                System.out.printf(
                        Locale.ROOT, "RESULT round %d %-7s %8.1f requests/s (%d clients)%n", round, way, rate, CLIENTS);
            }
        }
        var medians = new EnumMap<Way, Double>(Way.class);
        rates.forEach((way, list) -> medians.put(way, median(list)));
        medians.forEach((way, median) -> System.out.printf(
                Locale.ROOT, "MEDIAN %-7s %8.1f requests/s (%d clients, %d rounds)%n", way, median, CLIENTS, rounds));
        System.out.printf(
                Locale.ROOT,
                "RATIO token/basic %.1fx, token/session %.2fx%n",
                medians.get(Way.TOKEN) / medians.get(Way.BASIC),
                medians.get(Way.TOKEN) / medians.get(Way.SESSION));
        assertThat(medians.get(Way.TOKEN)).isGreaterThan(medians.get(Way.BASIC));
    }

    /** Requests/s of {@link #CLIENTS} clients calling as fast as they can for {@code seconds}; all must be 200. */
    private double measure(String[] header, int seconds) throws Exception {
        var done = new AtomicLong();
        var failures = new AtomicLong();
        var start = new CountDownLatch(1);
        long[] window = new long[2];
        try (var pool = Executors.newFixedThreadPool(CLIENTS)) {
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            for (int c = 0; c < CLIENTS; c++) {
                pool.submit(() -> {
                    var client = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                            .header(header[0], header[1])
                            .build();
                    start.await();
                    while (!stop.get()) {
                        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            done.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            window[0] = System.nanoTime();
            start.countDown();
            Thread.sleep(seconds * 1000L);
            long counted = done.get();
            window[1] = System.nanoTime();
            stop.set(true);
            assertThat(failures.get()).as("answers other than 200").isZero();
            return counted / ((window[1] - window[0]) / 1e9);
        }
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
