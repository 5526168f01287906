package org.deeprounds.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import org.deeprounds.base.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Dataset files under {@code <data-dir>/datasets}. An import is written into {@code .incoming/<key>} and renamed
 * into place only after it has been checked completely, so a failed or interrupted import leaves nothing behind
 * (and what a crash left in {@code .incoming} is removed at the next start).
 */
@Component
class DatasetStorage {

    static final String SOURCE = "source";
    static final String LABELS = "labels.csv";
    private static final Logger log = LoggerFactory.getLogger(DatasetStorage.class);

    private final Path root;
    private final Path incoming;

    DatasetStorage(DataDirectory dataDirectory) throws IOException {
        this.root = Files.createDirectories(dataDirectory.resolve("datasets"));
        this.incoming = root.resolve(".incoming");
        if (Files.exists(incoming)) {
            deleteTree(incoming);
            log.info("Removed unfinished dataset imports from {}", incoming);
        }
        Files.createDirectories(incoming);
    }

    /** A fresh folder for one import. */
    Path newIncoming() throws IOException {
        return Files.createDirectory(incoming.resolve(UUID.randomUUID().toString()));
    }

    /** Result of copying an upload: bytes written and their SHA-256. */
    record Copied(long size, String sha256) {}

    /** Copies {@code in} to {@code target}, refusing it as soon as it passes {@code limit} bytes. */
    static Copied copyLimited(InputStream in, Path target, long limit) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long total = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw new DatasetTooLargeException(limit);
                }
                out.write(buffer, 0, n);
            }
        }
        return new Copied(total, HexFormat.of().formatHex(digest.digest()));
    }

    /** Moves a checked import into the library; its key names the folder. */
    String commit(Path incomingFolder) throws IOException {
        var key = incomingFolder.getFileName().toString();
        Files.move(incomingFolder, root.resolve(key), StandardCopyOption.ATOMIC_MOVE);
        return key;
    }

    Path folder(String key) {
        return root.resolve(key);
    }

    /** A preview file of a dataset; null when the name is not a plain file name in its preview folder. */
    Path previewFile(String key, String fileName) {
        var dir = folder(key).resolve(ScanContext.PREVIEW_DIR).normalize();
        var file = dir.resolve(fileName).normalize();
        return file.getParent().equals(dir) && Files.isRegularFile(file) ? file : null;
    }

    void delete(String key) {
        deleteTree(folder(key));
    }

    static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + path, e);
        }
    }
}
