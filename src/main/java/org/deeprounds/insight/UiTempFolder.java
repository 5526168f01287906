package org.deeprounds.insight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.Callable;

/**
 * Where DL4J's training UI keeps its files: {@code <data dir>/tmp/dl4j-ui}, never the system temp folder. It holds the
 * upload folder DL4J's server makes at each start ({@code DL4JUI_<millis>}) and Vert.x's cache of files it serves from
 * the classpath. A killed server leaves both behind, so the folder is emptied before the UI server starts; it belongs
 * to the one DeepRounds process that uses the data directory, and nothing else is kept in it.
 */
final class UiTempFolder {

    static final String RELATIVE = "tmp/dl4j-ui";
    /** DL4J names its upload folder after this prefix and the start time in milliseconds. */
    static final String DL4J_PREFIX = "DL4JUI_";

    private static final String TMPDIR = "java.io.tmpdir";
    /** Only one start at a time changes the JVM's temp directory setting (see {@link #whileStarting}). */
    private static final Object TMPDIR_LOCK = new Object();

    private final Path root;

    UiTempFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Vert.x's cache of classpath files (DL4J's pages and scripts), handed to Vert.x in its options. */
    Path vertxCache() {
        return root.resolve("vertx-cache");
    }

    /**
     * Removes everything inside the folder, creating it if missing. Links are removed as links, never followed, so a
     * link planted inside cannot make this delete anything outside; a folder that is itself a link is refused.
     */
    void clear() {
        try {
            Files.createDirectories(root);
            if (Files.isSymbolicLink(root)) {
                throw new IOException(root + " is a link; DL4J's files are kept only in a real folder");
            }
            try (var entries = Files.list(root)) {
                for (var entry : entries.toList()) {
                    deleteTree(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + root + " for DL4J's training UI: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code start} with {@code java.io.tmpdir} pointing at this folder. DL4J's {@code VertxUIServer.start}
     * creates its upload folder in {@code System.getProperty("java.io.tmpdir")} and offers no other setting, so the
     * property is changed for just that call and put back at once. The JDK's own temp-file methods read the value
     * fixed when the JVM started, so they never see the change; code that reads the property itself during the few
     * milliseconds of the call gets this folder, which exists and is writable.
     */
    <T> T whileStarting(Callable<T> start) throws Exception {
        synchronized (TMPDIR_LOCK) {
            var previous = System.getProperty(TMPDIR);
            System.setProperty(TMPDIR, root.toString());
            try {
                return start.call();
            } finally {
                System.setProperty(TMPDIR, previous);
            }
        }
    }

    private static void deleteTree(Path top) throws IOException {
        // walkFileTree does not follow links unless asked: a link is visited as a file and removed as one.
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
