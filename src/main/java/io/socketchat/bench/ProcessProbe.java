package io.socketchat.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's resident set size from /proc and this JVM's CPU time. */
public final class ProcessProbe {

    private ProcessProbe() {
    }

    /** VmRSS of {@code pid} in KiB, or -1 when the pid is 0 or /proc cannot tell. */
    public static long rssKb(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String number = line.substring("VmRSS:".length()).trim().split("\\s+")[0];
                    return Long.parseLong(number);
                }
            }
        }
        catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU time this process has used (user and system), in nanoseconds, or -1 if unknown.
     */
    public static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

}
