package org.deeprounds.datasets.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip archive opened defensively: entry names that climb out of the archive ({@code ../}, absolute paths) are
 * refused, and reading stops when the uncompressed bytes pass a limit or an entry inflates far beyond its
 * compressed size (a zip bomb), whatever the entry headers claim.
 */
public final class SafeZip implements AutoCloseable {

    /** Inflation above this ratio for an entry larger than {@link #RATIO_CHECK_FLOOR} is treated as a zip bomb. */
    static final long MAX_RATIO = 200;

    static final long RATIO_CHECK_FLOOR = 1024 * 1024;
    static final int MAX_ENTRIES = 500_000;

    private final String fileName;
    private final ZipFile zip;
    private final long maxTotalBytes;
    private final List<ZipEntry> entries;
    private long totalRead;

    private SafeZip(String fileName, ZipFile zip, long maxTotalBytes, List<ZipEntry> entries) {
        this.fileName = fileName;
        this.zip = zip;
        this.maxTotalBytes = maxTotalBytes;
        this.entries = entries;
    }

    /** Opens and checks the entry list; {@code fileName} is the name the user knows the file by. */
    public static SafeZip open(Path path, String fileName, long maxTotalBytes) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new ZipFormatException(
                    fileName + ": not a readable zip archive (truncated or corrupt): " + e.getMessage());
        }
        try {
            var list = new ArrayList<ZipEntry>();
            var all = zip.entries();
            while (all.hasMoreElements()) {
                var entry = all.nextElement();
                checkName(fileName, entry.getName());
                list.add(entry);
                if (list.size() > MAX_ENTRIES) {
                    throw new ZipFormatException(fileName + ": more than " + MAX_ENTRIES + " entries");
                }
            }
            return new SafeZip(fileName, zip, maxTotalBytes, Collections.unmodifiableList(list));
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static void checkName(String fileName, String name) throws ZipFormatException {
        var normalised = name.replace('\\', '/');
        if (normalised.startsWith("/")
                || normalised.matches("^[A-Za-z]:.*")
                || ("/" + normalised + "/").contains("/../")) {
            throw new ZipFormatException(
                    fileName + ": entry '" + name + "' points outside the archive; refusing the whole file");
        }
    }

    public List<ZipEntry> entries() {
        return entries;
    }

    /**
     * Refuses an entry whose own header (e.g. an array's shape) declares more data than {@link #open} would deliver:
     * more than the entry's size in the archive's directory, than the archive's limit, or (past
     * {@link #RATIO_CHECK_FLOOR}) than its compressed size allows before it counts as a zip bomb. Called before
     * anything is sized from the header, which is a few bytes that can claim any size.
     *
     * @param what what declared the size, for the message (e.g. "train_labels.npy shape (1500000000,)")
     */
    public void checkDeclared(ZipEntry entry, long declaredBytes, String what) throws ZipFormatException {
        if (entry.getSize() >= 0 && declaredBytes > entry.getSize()) {
            throw new ZipFormatException(fileName + ": " + what + " declares " + declaredBytes
                    + " bytes of data, but entry '" + entry.getName() + "' holds only " + entry.getSize()
                    + " bytes; the header does not match the data");
        }
        if (declaredBytes > maxTotalBytes - totalRead) {
            throw new ZipFormatException(fileName + ": " + what + " declares " + declaredBytes
                    + " bytes of data; the archive may unpack to at most " + (maxTotalBytes / (1024 * 1024))
                    + " MB; refusing it as a possible zip bomb");
        }
        long compressed = Math.max(1, entry.getCompressedSize());
        long byRatio = compressed > Long.MAX_VALUE / MAX_RATIO ? Long.MAX_VALUE : compressed * MAX_RATIO;
        if (declaredBytes > Math.max(RATIO_CHECK_FLOOR, byRatio)) {
            throw new ZipFormatException(fileName + ": entry '" + entry.getName() + "' inflates more than " + MAX_RATIO
                    + " times (" + what + " declares " + declaredBytes + " bytes); refusing it as a zip bomb");
        }
    }

    /** The entry's content, counted against the limits while it is read. */
    public InputStream open(ZipEntry entry) throws IOException {
        long compressed = Math.max(1, entry.getCompressedSize());
        return new FilterInputStream(zip.getInputStream(entry)) {
            private long entryRead;

            @Override
            public int read() throws IOException {
                int b = guard(() -> super.read());
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = guard(() -> super.read(buffer, offset, length));
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(long n) throws ZipFormatException {
                entryRead += n;
                totalRead += n;
                if (totalRead > maxTotalBytes) {
                    throw new ZipFormatException(fileName + ": unpacks to more than " + (maxTotalBytes / (1024 * 1024))
                            + " MB (entry '" + entry.getName() + "'); refusing it as a possible zip bomb");
                }
                if (entryRead > RATIO_CHECK_FLOOR && entryRead / compressed > MAX_RATIO) {
                    throw new ZipFormatException(fileName + ": entry '" + entry.getName() + "' inflates more than "
                            + MAX_RATIO + " times; refusing it as a zip bomb");
                }
            }

            private int guard(IoSupplier read) throws IOException {
                try {
                    return read.get();
                } catch (ZipException | java.io.EOFException e) {
                    throw new ZipFormatException(fileName + ": entry '" + entry.getName()
                            + "' is truncated or corrupt (" + e.getMessage() + ")");
                }
            }
        };
    }

    @FunctionalInterface
    private interface IoSupplier {
        int get() throws IOException;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** A broken, unsafe or oversized archive. */
    public static final class ZipFormatException extends IOException {
        public ZipFormatException(String message) {
            super(message);
        }
    }
}
