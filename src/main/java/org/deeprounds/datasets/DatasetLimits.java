package org.deeprounds.datasets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on imports ({@code deeprounds.datasets.*}): the upload size, refused while streaming, and how much an
 * archive may unpack to (zip-bomb guard).
 */
@ConfigurationProperties("deeprounds.datasets")
public record DatasetLimits(
        @DefaultValue("200MB") DataSize maxUploadSize,
        @DefaultValue("4GB") DataSize maxUncompressedSize) {}
