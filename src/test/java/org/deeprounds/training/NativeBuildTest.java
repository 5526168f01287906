package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ND4J build matches the processor, and a processor without AVX gets the generic build, never a crash. */
class NativeBuildTest {

    static final Set<String> AVX512 =
            Set.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
    static final Set<String> AVX2 = Set.of("sse4_2", "avx", "avx2", "fma");
    static final Set<String> OLD = Set.of("sse2", "sse4_1", "sse4_2");

    @Test
    void auto_picks_the_fastest_build_the_processor_runs() {
        assertThat(NativeBuild.choose("auto", AVX512, b -> true)).isEqualTo(NativeBuild.ONEDNN_AVX512);
        assertThat(NativeBuild.choose("auto", AVX2, b -> true)).isEqualTo(NativeBuild.ONEDNN_AVX2);
        assertThat(NativeBuild.choose("auto", OLD, b -> true)).isEqualTo(NativeBuild.GENERIC);
        assertThat(NativeBuild.choose(null, Set.of(), b -> true)).isEqualTo(NativeBuild.GENERIC);
    }

    @Test
    void a_build_missing_from_the_jar_is_skipped() {
        assertThat(NativeBuild.choose("auto", AVX512, b -> b != NativeBuild.ONEDNN_AVX512))
                .isEqualTo(NativeBuild.ONEDNN_AVX2);
        assertThat(NativeBuild.choose("auto", AVX512, b -> b == NativeBuild.GENERIC))
                .isEqualTo(NativeBuild.GENERIC);
    }

    @Test
    void a_slower_build_may_be_forced_but_not_one_the_processor_cannot_run() {
        assertThat(NativeBuild.choose("generic", AVX512, b -> true)).isEqualTo(NativeBuild.GENERIC);
        assertThat(NativeBuild.choose(" AVX2 ", AVX512, b -> true)).isEqualTo(NativeBuild.ONEDNN_AVX2);
        assertThatThrownBy(() -> NativeBuild.choose("avx512", AVX2, b -> true))
                .hasMessageContaining("deeprounds.training.native-build")
                .hasMessageContaining("cannot run here")
                .hasMessageContaining("oneDNN, AVX2");
        assertThatThrownBy(() -> NativeBuild.choose("fastest", AVX2, b -> true))
                .hasMessageContaining("'fastest' is not one of auto, avx512, avx2, generic");
    }

    @Test
    void flags_are_read_from_cpuinfo(@TempDir Path dir) throws Exception {
        var cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(
                cpuinfo, "processor\t: 0\nmodel name\t: Old\nflags\t\t: fpu sse2 avx2 fma\n\nflags\t: other\n");
        assertThat(NativeBuild.cpuFlags(cpuinfo)).containsExactlyInAnyOrder("fpu", "sse2", "avx2", "fma");
        assertThat(NativeBuild.cpuFlags(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void the_jar_carries_all_three_builds() {
        for (var build : NativeBuild.values()) {
            assertThat(build.bundled()).as(build.label()).isTrue();
        }
    }
}
