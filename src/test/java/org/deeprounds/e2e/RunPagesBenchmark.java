package org.deeprounds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.training.RunService;
import org.deeprounds.training.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * What live run pages cost the server: one job trains while 0, then 30, browser tabs show its page with the layer
 * charts. For each state it prints the CPU of the server's own threads (everything but the training worker and
 * ND4J's native threads, which are not Java threads), the heap after a GC, the process RSS, and the epochs trained.
 * {@code mvn test -Dtest=RunPagesBenchmark -Dbenchmark=true}
 */
@EnabledIf("org.deeprounds.e2e.HeadlessChromium#installed")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestPropertySource(properties = "deeprounds.training.patience=1000")
class RunPagesBenchmark extends BrowserTest {

    static final int PAGES = 30;
    static final int WINDOW_SECONDS = 30;

    @Autowired
    RunService runs;

    @Autowired
    DatasetService datasets;

    @Test
    void thirty_live_run_pages_cost_the_server_little() throws Exception {
        signInToHome("trainee1", "Learn-Rounds-2026a");
        long run = org.deeprounds.TestUsers.as("trainee1", "TRAINEE", () -> {
            long dataset = datasets.list().stream()
                    .filter(d -> d.modality() == Modality.IMAGING && d.synthetic())
                    .findFirst()
                    .orElseThrow()
                    .id();
            return runs.submit(dataset, "imaging-cnn", new RunService.Overrides(200, 0.0002, null, 1L), null)
                    .id();
        });
        UiResponsivenessBenchmark.waitUntil(() -> epoch(run) >= 2);
        var none = measure(run, 0);

        for (int i = 0; i < PAGES; i++) {
            if (i > 0) {
                driver.switchTo().newWindow(WindowType.TAB);
            }
            driver.get(url("/run/" + run));
            waitUpTo(60).until(d -> points(d) >= 1);
        }
        int before = points(driver);
        var open = measure(run, PAGES);
        int after = points(driver);
        boolean stillTraining = status(run) == RunStatus.RUNNING;
        org.deeprounds.TestUsers.as("trainee1", "TRAINEE", () -> runs.cancel(run));

        System.out.println(none);
        System.out.println(open);
        assertThat(stillTraining).isTrue();
        assertThat(after).as("the last page kept updating").isGreaterThan(before);
    }

    private String measure(long run, int pages) throws InterruptedException {
        var threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = serverCpuNanos(threads);
        long browserBefore = browserCpuTicks();
        int epochBefore = epoch(run);
        long start = System.nanoTime();
        Thread.sleep(WINDOW_SECONDS * 1000L);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = serverCpuNanos(threads) - cpuBefore;
        double browser = (browserCpuTicks() - browserBefore) / 100.0 / seconds;
        int epochs = epoch(run) - epochBefore;
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return String.format(
                Locale.ROOT,
                "PAGES open=%d window_s=%.0f server_cpu_cores=%.3f browser_cpu_cores=%.2f heap_after_gc_mb=%.0f"
                        + " rss_mb=%.0f epochs=%d",
                pages,
                seconds,
                cpu / 1e9 / seconds,
                browser,
                heap / 1048576.0,
                rssBytes() / 1048576.0,
                epochs);
    }

    /** CPU time of all Java threads but the training worker. */
    private static long serverCpuNanos(java.lang.management.ThreadMXBean threads) {
        long total = 0;
        for (var thread : Thread.getAllStackTraces().keySet()) {
            if (!thread.getName().startsWith("training-worker")) {
                long nanos = threads.getThreadCpuTime(thread.threadId());
                total += Math.max(0, nanos);
            }
        }
        return total;
    }

    /** CPU time (clock ticks, 100 per second) of all Chromium processes, from /proc. */
    private static long browserCpuTicks() {
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (var proc : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    var stat = Files.readString(proc.resolve("stat"));
                    var name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("chrom")) {
                        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return ticks;
    }

    private static long rssBytes() {
        try {
            for (var line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }

    private int epoch(long run) {
        return org.deeprounds.TestUsers.as("admin", "ADMIN", () -> runs.get(run).epoch());
    }

    private RunStatus status(long run) {
        return org.deeprounds.TestUsers.as("admin", "ADMIN", () -> runs.get(run).status());
    }

    private static int points(org.openqa.selenium.WebDriver d) {
        var value = ((JavascriptExecutor) d)
                .executeScript("var e = document.getElementById('ratio-chart');"
                        + " return e ? e.getAttribute('data-points') : null;");
        return value == null ? 0 : Integer.parseInt(value.toString());
    }
}
