package org.deeprounds.datasets.samples;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Random;

/**
 * A SYNTHETIC cardiovascular-risk cohort (CSV) for the fairness lesson: a five-year cardiac event depends on age,
 * systolic blood pressure, LDL cholesterol, smoking and diabetes in the same way for everyone, but the women's blood
 * pressure was recorded with a cuff too large for the arm, which reads about 15 mmHg low and scatters widely. A
 * subgroup analysis by sex and age asks whether the model serves both groups equally; the lesson explores why or
 * why not. Columns {@code sex} and {@code age} are the sensitive
 * attributes a subgroup analysis should look at.
 */
public final class SyntheticCohort {

    public static final String HEADER = "patient_id,age,sex,systolic_bp,ldl,bmi,smoker,diabetes,event";

    private SyntheticCohort() {}

    public static void writeCsv(Writer out, int patients, long seed) throws IOException {
        var random = new Random(seed);
        out.write(HEADER + "\n");
        for (int i = 0; i < patients; i++) {
            boolean woman = random.nextBoolean();
            int age = 40 + random.nextInt(46);
            double bp = 110 + 0.6 * (age - 40) + 15 * random.nextGaussian();
            double ldl = 3.2 + 0.9 * random.nextGaussian();
            double bmi = 27 + 4 * random.nextGaussian();
            boolean smoker = random.nextDouble() < 0.25;
            boolean diabetes = random.nextDouble() < 0.12 + 0.002 * (age - 40);
            double logit = -1.6
                    + 0.04 * (age - 60)
                    + 0.08 * (bp - 125)
                    + 0.5 * (ldl - 3.2)
                    + 0.8 * (smoker ? 1 : 0)
                    + 0.7 * (diabetes ? 1 : 0);
            boolean event = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            // What the record says: close to the truth for men; for women a cuff too large for the arm, which reads
            // low and scatters.
            double recordedBp = woman ? bp - 15 + 25 * random.nextGaussian() : bp + 3 * random.nextGaussian();
            out.write(String.format(
                    Locale.ROOT,
                    "P%05d,%d,%s,%.0f,%.1f,%.1f,%s,%s,%s%n",
                    i + 1,
                    age,
                    woman ? "F" : "M",
                    recordedBp,
                    ldl,
                    bmi,
                    smoker ? "yes" : "no",
                    diabetes ? "yes" : "no",
                    event ? "yes" : "no"));
        }
    }
}
