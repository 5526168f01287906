package org.deeprounds.insight;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.core.storage.StorageMetaData;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.deeprounds.training.RunFolder;

/**
 * A run's statistics as an append-only file ({@link RunFolder#statisticsJournal()}) that one node writes and any other node reads while it
 * grows: what worker nodes record, since DL4J's file store (MapDB) must never be open in two processes. Each record is
 * its kind, the class of DL4J's report and the report's own binary encoding; a reader replays complete records into
 * an in-memory store, and on each {@link Replay#refresh} only the bytes written since.
 */
final class StatsJournal {

    private static final byte META = 1;
    private static final byte STATIC = 2;
    private static final byte UPDATE = 3;

    private StatsJournal() {}

    /** Appends reports to a run's journal; each record is flushed whole, so a reader never sees half of one. */
    static final class Writer implements StatsStorageRouter {

        private final DataOutputStream out;

        Writer(Path runFolder) {
            try {
                Files.createDirectories(runFolder);
                OutputStream file = Files.newOutputStream(
                        new RunFolder(runFolder).statisticsJournal(),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                this.out = new DataOutputStream(new java.io.BufferedOutputStream(file, 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open the statistics journal in " + runFolder, e);
            }
        }

        private synchronized void append(byte kind, Persistable report) {
            var type = report.getClass().getName().getBytes(StandardCharsets.UTF_8);
            var body = report.encode();
            try {
                out.writeInt(1 + 4 + type.length + 4 + body.length);
                out.writeByte(kind);
                out.writeInt(type.length);
                out.write(type);
                out.writeInt(body.length);
                out.write(body);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot append to the statistics journal", e);
            }
        }

        @Override
        public void putStorageMetaData(StorageMetaData meta) {
            append(META, meta);
        }

        @Override
        public void putStorageMetaData(Collection<? extends StorageMetaData> meta) {
            meta.forEach(this::putStorageMetaData);
        }

        @Override
        public void putStaticInfo(Persistable info) {
            append(STATIC, info);
        }

        @Override
        public void putStaticInfo(Collection<? extends Persistable> info) {
            info.forEach(this::putStaticInfo);
        }

        @Override
        public void putUpdate(Persistable update) {
            append(UPDATE, update);
        }

        @Override
        public void putUpdate(Collection<? extends Persistable> updates) {
            updates.forEach(this::putUpdate);
        }

        /** Ends the session's writing (the file stays for readers). */
        synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the statistics journal", e);
            }
        }
    }

    /** A journal read into memory, kept up to date by reading what was appended since. */
    static final class Replay {

        private final Path file;
        private final InMemoryStatsStorage storage = new InMemoryStatsStorage();
        private long offset;

        Replay(Path runFolder) {
            this.file = new RunFolder(runFolder).statisticsJournal();
        }

        StatsStorage storage() {
            return storage;
        }

        /** Reads the complete records appended since the last call; a record still being written waits for next time. */
        synchronized StatsStorage refresh() {
            try (var in = new RandomAccessFile(file.toFile(), "r")) {
                long length = in.length();
                while (offset + 4 <= length) {
                    in.seek(offset);
                    int size = in.readInt();
                    if (offset + 4 + size > length) {
                        break;
                    }
                    var record = new byte[size];
                    in.readFully(record);
                    apply(ByteBuffer.wrap(record));
                    offset += 4 + size;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the statistics journal " + file, e);
            }
            return storage;
        }

        private void apply(ByteBuffer record) {
            byte kind = record.get();
            var type = new byte[record.getInt()];
            record.get(type);
            var body = new byte[record.getInt()];
            record.get(body);
            var report = decode(new String(type, StandardCharsets.UTF_8), body);
            switch (kind) {
                case META -> storage.putStorageMetaData((StorageMetaData) report);
                case STATIC -> storage.putStaticInfo(report);
                case UPDATE -> storage.putUpdate(report);
                default -> throw new IllegalStateException("Unknown record kind " + kind + " in " + file);
            }
        }

        private Persistable decode(String type, byte[] body) {
            try {
                var report = Class.forName(type)
                        .asSubclass(Persistable.class)
                        .getDeclaredConstructor()
                        .newInstance();
                report.decode(body);
                return report;
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("Cannot read a " + type + " report in " + file + ": " + e, e);
            }
        }
    }
}
