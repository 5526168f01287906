package org.deeprounds.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training threads yield to the web threads: each worker lowers its own Linux scheduling priority (nice) when it
 * starts, and the OpenMP threads it creates inherit it. Training on a busy server then slows a little instead of page
 * clicks waiting behind it; on an idle server nice changes nothing. Where it cannot be done (not Linux, no renice),
 * training runs at normal priority.
 */
final class WorkerPriority {

    private static final Logger log = LoggerFactory.getLogger(WorkerPriority.class);

    /** Nice 10: half-way to the lowest priority; a runnable web thread gets about ten times its share. */
    static final int NICENESS = 10;

    private WorkerPriority() {}

    /** Lowers the calling thread's priority; returns whether it worked. */
    static boolean lowerCurrentThread() {
        try {
            // /proc/thread-self points at /proc/<pid>/task/<tid>: the kernel's id of this very thread.
            var tid = Files.readSymbolicLink(Path.of("/proc/thread-self"))
                    .getFileName()
                    .toString();
            var renice = new ProcessBuilder("renice", "-n", Integer.toString(NICENESS), "-p", tid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return renice.waitFor(5, TimeUnit.SECONDS) && renice.exitValue() == 0;
        } catch (Exception e) {
            log.debug("Training thread keeps normal priority: {}", e.toString());
            return false;
        }
    }

    /** The nice value of the calling thread, from /proc; null where unreadable. */
    static Integer currentNiceness() {
        try {
            var stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // Fields after the command name (which is in parentheses and may hold spaces); nice is field 19.
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (Exception e) {
            return null;
        }
    }
}
