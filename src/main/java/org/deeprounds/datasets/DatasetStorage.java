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
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.deeprounds.base.DataDirectory;
import org.deeprounds.datasets.formats.ScanContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Dataset files under {@code <data-dir>/datasets}. An import is written into {@code .incoming/<key>} and renamed
 * into place only after it has been checked completely, so a failed or interrupted import leaves nothing behind
 * (and what a crash left in {@code .incoming} is removed at the next start). A deleted dataset's folder is first
 * renamed into {@code .deleted/<key>} and removed only once the row's deletion has committed; if the deletion fails
 * it is renamed back ({@link SetAsideRecovery} finishes either way after a crash). Files and rows never disagree.
 */
@Component
class DatasetStorage {

    static final String SET_ASIDE = ".deleted";
    private static final Logger log = LoggerFactory.getLogger(DatasetStorage.class);

    private final Path root;
    private final Path incoming;
    private final Path setAside;
    private final Path uploads;

    DatasetStorage(DataDirectory dataDirectory) throws IOException {
        this.root = Files.createDirectories(dataDirectory.resolve("datasets"));
        this.incoming = root.resolve(".incoming");
        if (Files.exists(incoming)) {
            deleteTree(incoming);
            log.info("Removed unfinished dataset imports from {}", incoming);
        }
        Files.createDirectories(incoming);
        this.setAside = Files.createDirectories(root.resolve(SET_ASIDE));
        this.uploads = root.resolve(".uploads");
        if (Files.exists(uploads)) {
            deleteTree(uploads);
        }
        Files.createDirectories(uploads);
    }

    /**
     * Where uploads arrive (the import dialog's files, the servlet container's multipart parts): beside the imports,
     * on the same file system, so an import moves or links an upload instead of copying it. Emptied at each start.
     */
    Path uploadsFolder() {
        return uploads;
    }

    /** A fresh folder for one import. */
    Path newIncoming() throws IOException {
        return Files.createDirectory(incoming.resolve(UUID.randomUUID().toString()));
    }

    /** A file for an upload in progress, in {@link #uploadsFolder}; removed at the next start if nobody does before. */
    Path newUploadFile() throws IOException {
        return Files.createTempFile(uploads, "upload-", ".part");
    }

    /** Result of copying an upload: bytes written and their SHA-256. */
    record Copied(long size, String sha256) {}

    /**
     * Gives {@code target} the content of {@code file} without a second copy on disk where the file system allows (a
     * hard link: one set of bytes, two names); else copies it. The caller keeps {@code file}.
     */
    static void linkOrCopy(Path file, Path target) throws IOException {
        try {
            Files.createLink(target, file);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(file, target);
        }
    }

    /** Size and SHA-256 of a file that is already in place, refusing it past {@code limit} bytes. */
    static Copied measure(Path file, long limit) throws IOException {
        long size = Files.size(file);
        if (size > limit) {
            throw new DatasetTooLargeException(limit);
        }
        try (var in = Files.newInputStream(file)) {
            return copyLimited(in, OutputStream.nullOutputStream(), limit, () -> new DatasetTooLargeException(limit));
        }
    }

    /** Copies {@code in} to {@code target}, refusing it as soon as it passes {@code limit} bytes. */
    static Copied copyLimited(InputStream in, Path target, long limit) throws IOException {
        return copyLimited(in, target, limit, () -> new DatasetTooLargeException(limit));
    }

    /**
     * Copies {@code in} to {@code target}; once it passes {@code limit} bytes, throws what {@code refusal} gives.
     */
    static Copied copyLimited(InputStream in, Path target, long limit, Supplier<? extends RuntimeException> refusal)
            throws IOException {
        try (var out = Files.newOutputStream(target)) {
            return copyLimited(in, out, limit, refusal);
        }
    }

    private static Copied copyLimited(
            InputStream in, OutputStream target, long limit, Supplier<? extends RuntimeException> refusal)
            throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long total = 0;
        try (OutputStream out = new DigestOutputStream(target, digest)) {
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw refusal.get();
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

    /** What a folder holds: the sizes of its files. */
    static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (var file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    /**
     * Moves a dataset's folder out of the library in one rename, to be {@link #purge purged} once its row's deletion
     * has committed or {@link #restore restored} if it does not. False when the folder was already missing.
     */
    boolean setAside(String key) {
        var folder = folder(key);
        if (!Files.exists(folder)) {
            return false;
        }
        try {
            Files.move(folder, setAside.resolve(key), StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move the files of dataset " + key + " out of the library", e);
        }
    }

    void restore(String key) {
        try {
            Files.move(setAside.resolve(key), folder(key), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not put the files of dataset " + key + " back", e);
        }
    }

    void purge(String key) {
        deleteTree(setAside.resolve(key));
    }

    /** The keys of folders set aside by deletions that a crash interrupted. */
    List<String> setAsideKeys() throws IOException {
        try (Stream<Path> folders = Files.list(setAside)) {
            return folders.map(p -> p.getFileName().toString()).sorted().toList();
        }
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
