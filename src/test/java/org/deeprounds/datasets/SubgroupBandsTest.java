package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.deeprounds.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Age bands of an imported cohort, as evaluation receives them: split at the exact training median, labelled with
 * that very number, and every test patient in the band its label promises. The cohorts are built so that their
 * training median is known whatever patients the split puts in training: each household (the group column, kept in
 * one split) has ages symmetric around one centre, so the training ages are too, and their median is the centre.
 */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class SubgroupBandsTest {

    @Autowired
    DatasetService datasets;

    @Test
    void whole_ages_with_a_half_value_median_are_split_and_labelled_at_that_half_value() throws Exception {
        // Households of two, aged 57.5 - d and 57.5 + d: ages 38 to 77, no one aged 57.5.
        var ages = new HashMap<String, Integer>();
        var csv = new StringBuilder("patient_id,household,age,sex,sbp,event\n");
        var random = new Random(1);
        int patient = 0;
        for (int household = 0; household < 120; household++) {
            int d = household % 20;
            for (int age : new int[] {57 - d, 58 + d}) {
                patient = row(csv, ages, random, patient, household, age);
            }
        }
        long id = imported("Half-value median cohort", csv);

        var bands = bandsByPatient(id);

        assertThat(bands.values()).containsOnly("age ≤ 57.5", "age > 57.5").contains("age ≤ 57.5", "age > 57.5");
        bands.forEach((name, band) -> assertThat(band)
                .as(name + " aged " + ages.get(name))
                .isEqualTo(ages.get(name) <= 57 ? "age ≤ 57.5" : "age > 57.5"));
        assertThat(bands.keySet()).anyMatch(name -> ages.get(name) == 57).anyMatch(name -> ages.get(name) == 58);
    }

    @Test
    void a_whole_median_is_shown_whole_and_patients_of_exactly_that_age_are_in_the_lower_band() throws Exception {
        // Households of three, aged 60 - d, 60 and 60 + d: the median is 60, and many patients are exactly 60.
        var ages = new HashMap<String, Integer>();
        var csv = new StringBuilder("patient_id,household,age,sex,sbp,event\n");
        var random = new Random(2);
        int patient = 0;
        for (int household = 0; household < 80; household++) {
            int d = 1 + household % 20;
            for (int age : new int[] {60 - d, 60, 60 + d}) {
                patient = row(csv, ages, random, patient, household, age);
            }
        }
        long id = imported("Whole median cohort", csv);

        var bands = bandsByPatient(id);

        assertThat(bands.values()).containsOnly("age ≤ 60", "age > 60");
        bands.forEach((name, band) -> {
            var cut = new BigDecimal(band.substring(band.lastIndexOf(' ') + 1));
            boolean below = BigDecimal.valueOf(ages.get(name)).compareTo(cut) <= 0;
            assertThat(band).as(name + " aged " + ages.get(name)).startsWith(below ? "age ≤ " : "age > ");
        });
        assertThat(bands.entrySet())
                .as("the 60-year-olds are in the band labelled ≤ 60")
                .filteredOn(e -> ages.get(e.getKey()) == 60)
                .isNotEmpty()
                .allMatch(e -> e.getValue().equals("age ≤ 60"));
    }

    /** One patient whose event depends on blood pressure, so the table is a real two-class task. */
    private static int row(
            StringBuilder csv,
            java.util.Map<String, Integer> ages,
            Random random,
            int patient,
            int household,
            int age) {
        var name = String.format("P%04d", patient);
        ages.put(name, age);
        double sbp = 120 + 20 * random.nextGaussian();
        csv.append(String.format(
                java.util.Locale.ROOT,
                "%s,H%03d,%d,%s,%.1f,%s%n",
                name,
                household,
                age,
                random.nextBoolean() ? "F" : "M",
                sbp,
                sbp + 10 * random.nextGaussian() > 125 ? "yes" : "no"));
        return patient + 1;
    }

    private long imported(String name, StringBuilder csv) {
        return datasets.importUpload(
                        new DatasetService.ImportRequest(
                                name,
                                null,
                                "event",
                                "household",
                                List.of("age", "sex"),
                                "yes",
                                List.of(),
                                null,
                                "CC0 1.0",
                                null),
                        new DatasetService.Upload(
                                "cohort.csv",
                                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))),
                        null)
                .id();
    }

    /** Each test patient's age band, by patient id, in the order evaluation reads the test split. */
    private java.util.Map<String, String> bandsByPatient(long id) {
        var names = datasets.readTestCaseNames(id);
        var groups = datasets.readTestGroups(id, "age");
        assertThat(names).hasSameSizeAs(groups).isNotEmpty();
        var out = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), groups.get(i));
        }
        return out;
    }
}
