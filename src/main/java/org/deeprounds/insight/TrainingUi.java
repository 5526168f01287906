package org.deeprounds.insight;

import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.VertxUIServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The app's one DL4J training UI server: multi-session (session id = run id), on the loopback interface only, started
 * on first use. Nothing is attached to it until the app has checked that the user may see the run, and browsers reach
 * it only through the app's forwarding routes.
 */
@Component
public class TrainingUi {

    private static final Logger log = LoggerFactory.getLogger(TrainingUi.class);

    private final InsightSettings settings;
    private VertxUIServer server;
    private Vertx vertx;
    private long startedAt;

    TrainingUi(InsightSettings settings, StatsFiles files) {
        this.settings = settings;
        files.onClose(this::forget);
    }

    private synchronized void forget(StatsStorage storage) {
        if (server != null && server.isAttached(storage)) {
            server.detach(storage);
        }
    }

    /** The loopback port it listens on, starting it if needed. */
    public synchronized int port() {
        return started().getPort();
    }

    /** Makes a run's statistics available to the UI (idempotent). */
    public synchronized void show(StatsStorage storage) {
        var ui = started();
        if (!ui.isAttached(storage)) {
            ui.attach(storage);
        }
    }

    private VertxUIServer started() {
        if (server != null) {
            return server;
        }
        VertxUIServer.getMultiSession().set(true);
        // Sessions are attached by the app after its access check, never looked up from a URL.
        VertxUIServer.setStatsStorageProvider(null);
        startedAt = System.currentTimeMillis();
        var ui = new LoopbackUiServer(settings.uiPort());
        vertx = Vertx.vertx();
        var deployed = new CompletableFuture<String>();
        vertx.deployVerticle(ui, result -> {
            if (result.succeeded()) {
                deployed.complete(result.result());
            } else {
                deployed.completeExceptionally(result.cause());
            }
        });
        try {
            deployed.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("DL4J's training UI did not start: " + e.getMessage(), e);
        }
        server = ui;
        log.info("DL4J training UI listening on {}:{} (loopback only)", LoopbackUiServer.LOOPBACK, ui.getPort());
        return ui;
    }

    @PreDestroy
    synchronized void stop() {
        if (server != null) {
            for (var storage : server.getStatsStorageInstances()) {
                server.detach(storage);
            }
            vertx.close();
            server = null;
            removeUploadFolders();
        }
    }

    /** DL4J's server makes an (unused) upload folder in the temp directory at each start; remove ours. */
    private void removeUploadFolders() {
        var temp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        try (var folders = java.nio.file.Files.list(temp)) {
            for (var folder : folders.toList()) {
                var name = folder.getFileName().toString();
                if (name.startsWith("DL4JUI_")
                        && name.substring(7).matches("\\d+")
                        && Long.parseLong(name.substring(7)) >= startedAt
                        && java.nio.file.Files.isDirectory(folder)) {
                    try (var inside = java.nio.file.Files.list(folder)) {
                        if (inside.findAny().isEmpty()) {
                            java.nio.file.Files.delete(folder);
                        }
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            log.debug("Could not remove DL4J's upload folder: {}", e.getMessage());
        }
    }
}
