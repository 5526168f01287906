package org.deeprounds.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.deeprounds.base.DataDirectory;
import org.deeprounds.base.security.AppRoles;
import org.deeprounds.training.ComputeBackend;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Gathers what an administrator needs to know about this server. */
@Service
public class SystemReport {

    /** Facts about the JVM, the data directory and the application. */
    public record Host(
            String deepRoundsVersion,
            String javaVersion,
            String javaVendor,
            String os,
            int availableProcessors,
            long maxHeapBytes,
            long usedHeapBytes,
            Path dataDir,
            long dataDirBytes,
            long freeDiskBytes) {}

    private final DataDirectory dataDirectory;
    private final ComputeBackend backend;
    private final Optional<BuildProperties> build;

    SystemReport(DataDirectory dataDirectory, ComputeBackend backend, ObjectProvider<BuildProperties> build) {
        this.dataDirectory = dataDirectory;
        this.backend = backend;
        this.build = Optional.ofNullable(build.getIfAvailable());
    }

    @PreAuthorize("hasRole('" + AppRoles.ADMIN + "')")
    public Host host() {
        var runtime = Runtime.getRuntime();
        var dir = dataDirectory.dataDir();
        try {
            return new Host(
                    build.map(BuildProperties::getVersion).orElse("development"),
                    Runtime.version().toString(),
                    System.getProperty("java.vendor"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                            + System.getProperty("os.arch") + ")",
                    runtime.availableProcessors(),
                    runtime.maxMemory(),
                    runtime.totalMemory() - runtime.freeMemory(),
                    dir,
                    sizeOf(dir),
                    Files.getFileStore(dir).getUsableSpace());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the data directory " + dir, e);
        }
    }

    /** The ND4J backend; loads native libraries on the first call. */
    @PreAuthorize("hasRole('" + AppRoles.ADMIN + "')")
    public ComputeBackend.Info backend() {
        return backend.describe();
    }

    private static long sizeOf(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0; // a file removed while walking
                        }
                    })
                    .sum();
        }
    }
}
