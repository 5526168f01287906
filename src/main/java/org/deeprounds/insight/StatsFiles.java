package org.deeprounds.insight;

import jakarta.annotation.PreDestroy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.deeprounds.training.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each run's DL4J statistics file ({@link RunFolder#statistics()}), opened once and shared: the file is a MapDB store,
 * which one process must not open twice. The least recently used stores are closed beyond {@value #MAX_OPEN}. A run
 * trained on a worker node has a {@link StatsJournal} instead, read here while the worker appends to it.
 */
@Component
public class StatsFiles {

    private static final int MAX_OPEN = 32;
    private static final Logger log = LoggerFactory.getLogger(StatsFiles.class);

    private final Map<Path, FileStatsStorage> open = new LinkedHashMap<>(16, 0.75f, true);
    /** Stores a training session writes to, with how many sessions. */
    private final Map<Path, Integer> pinned = new java.util.HashMap<>();

    /** Journals of runs trained on worker nodes, replayed in memory, the least recently used dropped first. */
    private final Map<Path, StatsJournal.Replay> journals = new LinkedHashMap<>(16, 0.75f, true);

    private final java.util.List<java.util.function.Consumer<StatsStorage>> closing =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Called with each store just before it is closed (DL4J's UI must let go of it first). */
    void onClose(java.util.function.Consumer<StatsStorage> listener) {
        closing.add(listener);
    }

    /** The run's store, created when missing (for a run about to train). */
    public synchronized StatsStorage create(Path runFolder) {
        var file = new RunFolder(runFolder).statistics().toAbsolutePath().normalize();
        var storage = open.get(file);
        if (storage == null) {
            try {
                Files.createDirectories(file.getParent());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot create " + file.getParent(), e);
            }
            storage = new FileStatsStorage(file.toFile());
            open.put(file, storage);
            closeOldest();
        }
        return storage;
    }

    /** The run's store for a training session: never closed to make room until {@link #release} is called. */
    public synchronized StatsStorage pin(Path runFolder) {
        var storage = create(runFolder);
        pinned.merge(key(runFolder), 1, Integer::sum);
        return storage;
    }

    /** Ends a {@link #pin}: the store may be closed again when many are open. */
    public synchronized void release(Path runFolder) {
        pinned.computeIfPresent(key(runFolder), (k, n) -> n > 1 ? n - 1 : null);
    }

    /** Whether the run has a statistics file (or journal), without opening it. */
    public synchronized boolean exists(Path runFolder) {
        var file = key(runFolder);
        return open.containsKey(file) || Files.exists(file) || Files.exists(journal(runFolder));
    }

    private static Path journal(Path runFolder) {
        return new RunFolder(runFolder).statisticsJournal().toAbsolutePath().normalize();
    }

    private static Path key(Path runFolder) {
        return new RunFolder(runFolder).statistics().toAbsolutePath().normalize();
    }

    /** The run's store if it has one: a run that never trained has none. */
    public synchronized Optional<StatsStorage> existing(Path runFolder) {
        var journal = journal(runFolder);
        if (Files.exists(journal)) {
            var replay = journals.computeIfAbsent(journal, j -> new StatsJournal.Replay(runFolder));
            while (journals.size() > MAX_OPEN) {
                var eldest = journals.entrySet().iterator().next();
                journals.remove(eldest.getKey());
                closing.forEach(listener -> listener.accept(eldest.getValue().storage()));
            }
            // What the worker appended since the last look: a view redrawing on a run's news sees it.
            return Optional.of(replay.refresh());
        }
        var file = new RunFolder(runFolder).statistics().toAbsolutePath().normalize();
        if (!open.containsKey(file) && !Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(create(runFolder));
    }

    private void closeOldest() {
        var it = open.entrySet().iterator();
        while (open.size() > MAX_OPEN && it.hasNext()) {
            var eldest = it.next();
            if (pinned.containsKey(eldest.getKey())) {
                continue; // a run is writing to it
            }
            it.remove();
            closing.forEach(listener -> listener.accept(eldest.getValue()));
            close(eldest.getKey(), eldest.getValue());
        }
    }

    @PreDestroy
    synchronized void closeAll() {
        open.forEach((file, storage) -> {
            closing.forEach(listener -> listener.accept(storage));
            close(file, storage);
        });
        open.clear();
    }

    private static void close(Path file, FileStatsStorage storage) {
        try {
            storage.close();
        } catch (RuntimeException e) {
            log.warn("Could not close statistics file {}: {}", file, e.getMessage());
        }
    }
}
