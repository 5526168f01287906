package org.deeprounds.training;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses the ND4J build before the first test runs, as the application's start-up does, so that plain unit tests
 * train on the same native build as the application whichever test happens to load ND4J first. Registered in {@code
 * META-INF/services}.
 */
public class NativeBuildForTests implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeRuntime.prepare(System.getProperty("deeprounds.training.native-build", "auto"));
    }
}
