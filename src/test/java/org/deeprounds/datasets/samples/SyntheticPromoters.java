package org.deeprounds.datasets.samples;

import java.io.IOException;
import java.io.Writer;
import java.util.Random;

/**
 * SYNTHETIC bacterial promoter sequences (FASTA, 80 nt): class "promoter" carries a -35 box (TTGACA) and a -10 box
 * (TATAAT) 16-18 nt apart, each with up to one mismatch, at a varying position; class "background" is random
 * sequence of the same base composition. A 1-D CNN can learn the motif, and in-silico mutagenesis should find it.
 */
public final class SyntheticPromoters {

    public static final int LENGTH = 80;
    private static final String BASES = "ACGT";
    private static final String BOX_35 = "TTGACA";
    private static final String BOX_10 = "TATAAT";

    private SyntheticPromoters() {}

    public static void writeFasta(Writer out, int count, long seed) throws IOException {
        var random = new Random(seed);
        for (int i = 0; i < count; i++) {
            boolean promoter = i % 2 == 0;
            var seq = new StringBuilder();
            for (int p = 0; p < LENGTH; p++) {
                seq.append(BASES.charAt(random.nextInt(4)));
            }
            if (promoter) {
                int spacer = 16 + random.nextInt(3);
                int start = 10 + random.nextInt(LENGTH - 10 - (6 + spacer + 6) - 10);
                place(seq, start, mutate(BOX_35, random));
                place(seq, start + 6 + spacer, mutate(BOX_10, random));
            }
            out.write(
                    ">syn" + String.format("%04d", i + 1) + " class=" + (promoter ? "promoter" : "background") + "\n");
            out.write(seq.substring(0, 40) + "\n" + seq.substring(40) + "\n");
        }
    }

    private static String mutate(String box, Random random) {
        if (random.nextBoolean()) {
            return box;
        }
        var chars = box.toCharArray();
        chars[random.nextInt(chars.length)] = BASES.charAt(random.nextInt(4));
        return new String(chars);
    }

    private static void place(StringBuilder seq, int at, String motif) {
        seq.replace(at, at + motif.length(), motif);
    }
}
