package org.deeprounds.insight;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.VertxUIServer;
import org.deeprounds.base.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The app's one DL4J training UI server: multi-session (session id = run id), on the loopback interface only, started
 * on first use. Nothing is attached to it until the app has checked that the user may see the run, and browsers reach
 * it only through the app's forwarding routes. Its files (DL4J's upload folder, Vert.x's file cache) live in
 * {@code <data dir>/tmp/dl4j-ui}, emptied before each start, so a killed server leaves nothing in the system temp folder.
 */
@Component
public class TrainingUi {

    private static final Logger log = LoggerFactory.getLogger(TrainingUi.class);

    private final InsightSettings settings;
    private final UiTempFolder tempFolder;
    private VertxUIServer server;
    private Vertx vertx;

    TrainingUi(InsightSettings settings, StatsFiles files, DataDirectory dataDirectory) {
        this.settings = settings;
        this.tempFolder = new UiTempFolder(dataDirectory.resolve(UiTempFolder.RELATIVE));
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
        // What a killed server left behind goes before this one writes anything.
        tempFolder.clear();
        var ui = new LoopbackUiServer(settings.uiPort(), tempFolder);
        vertx = Vertx.vertx(new VertxOptions()
                .setFileSystemOptions(new FileSystemOptions()
                        .setFileCacheDir(tempFolder.vertxCache().toString())));
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
            var closed = new CompletableFuture<Void>();
            vertx.close(result -> closed.complete(null));
            try {
                // Vert.x removes its file cache while closing; the folder is emptied after that.
                closed.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                log.debug("DL4J's training UI did not close in time: {}", e.getMessage());
            }
            server = null;
            try {
                tempFolder.clear();
            } catch (RuntimeException e) {
                log.debug("Could not empty {}: {}", tempFolder.root(), e.getMessage());
            }
        }
    }
}
