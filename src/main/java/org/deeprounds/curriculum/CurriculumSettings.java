package org.deeprounds.curriculum;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where courses live ({@code deeprounds.curricula.dir}, default {@code <data-dir>/curricula}). The shipped courses are
 * copied there when missing, so instructors' edits are files beside them and survive upgrades.
 */
@ConfigurationProperties("deeprounds.curricula")
public record CurriculumSettings(Path dir) {}
