package org.deeprounds.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one folder that holds everything DeepRounds writes: the H2 database, imported datasets, run artefacts and
 * the native libraries JavaCPP extracts (so nothing lands in the user's home folder).
 *
 * @param dataDir configured by {@code deeprounds.data-dir} or the env var {@code DEEPROUNDS_DATA_DIR}
 */
@ConfigurationProperties("deeprounds")
public record DataDirectory(@DefaultValue("./data") Path dataDir) {

    /** JavaCPP reads this system property when ND4J first loads its native libraries. */
    static final String JAVACPP_CACHE_PROPERTY = "org.bytedeco.javacpp.cachedir";

    public DataDirectory {
        dataDir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot create the data directory " + dataDir + " (set deeprounds.data-dir or DEEPROUNDS_DATA_DIR)",
                    e);
        }
        if (System.getProperty(JAVACPP_CACHE_PROPERTY) == null) {
            System.setProperty(
                    JAVACPP_CACHE_PROPERTY, dataDir.resolve("native-cache").toString());
        }
    }

    /** A path inside the data directory. */
    public Path resolve(String relative) {
        return dataDir.resolve(relative);
    }
}
