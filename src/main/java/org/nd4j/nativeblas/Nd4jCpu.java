package org.nd4j.nativeblas;

/**
 * Lets DL4J 1.0.0-M2.1 find out that ND4J was built with oneDNN. DL4J's oneDNN layer helpers ask, by reflection,
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()}, a class that nd4j-native 1.0.0-M2.1
 * renamed to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} (method {@code isUseONEDNN()}). Without
 * this class the lookup fails and DL4J drops every helper, so convolutions run 4-6x slower. Remove it when DL4J is
 * upgraded past the rename.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {}

    /** Answers under the old name what the renamed class knows. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {}

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance()
                    .isUseONEDNN();
        }
    }
}
