package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Storage sizes read as the quota is set (1 MB = 1024 KB), and a refusal's figures never hide the overshoot. */
class StorageUsageTest {

    static final long MB = 1024 * 1024;

    @Test
    void sizes_read_in_the_units_of_the_setting() {
        assertThat(StorageUsage.size(0)).isEqualTo("0 MB");
        assertThat(StorageUsage.size(40 * 1024)).isEqualTo("40 KB");
        assertThat(StorageUsage.size(5 * MB / 2)).isEqualTo("2.5 MB");
        assertThat(StorageUsage.size(312 * MB + 1000)).isEqualTo("312 MB");
        assertThat(StorageUsage.size(1024 * MB)).isEqualTo("1 GB");
        assertThat(StorageUsage.size(1045 * MB)).isEqualTo("1.02 GB");
        assertThat(StorageUsage.of(312 * MB, 1024 * MB).summary()).isEqualTo("312 MB of 1 GB used");
        assertThat(StorageUsage.of(312 * MB, null).summary())
                .isEqualTo("312 MB used (administrators have no storage quota)");
    }

    @Test
    void a_refusal_compares_in_one_unit_and_rounds_the_overshoot_up() {
        long quota = 1024 * MB;
        assertThat(StorageUsage.comparable(quota + 1000, quota, true)).isEqualTo("1,025 MB");
        assertThat(StorageUsage.comparable(quota, quota, false)).isEqualTo("1,024 MB");
        assertThat(StorageUsage.comparable(MB / 5, quota, true)).isEqualTo("0.2 MB");
        assertThat(StorageUsage.comparable(30 * 1024 + 1, 48 * 1024, true)).isEqualTo("31 KB");
    }
}
