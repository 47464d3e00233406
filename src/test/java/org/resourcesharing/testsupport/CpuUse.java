package org.resourcesharing.testsupport;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;

/**
 * The processor time a measure took: this JVM's, its JIT compilers' and the whole machine's (this JVM, the database
 * server and anything else), read from {@code /proc}; whether a measure was bound by the processors or waited on
 * something else, and whether the JIT compilers were still at work.
 */
public final class CpuUse {

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** Linux counts {@code /proc/stat} in clock ticks of 1/100 s on every architecture it reports them for (USER_HZ). */
    private static final double MILLIS_PER_TICK = 10;

    private final long startNanos = System.nanoTime();
    private final long startJvmNanos = OS.getProcessCpuTime();
    private final long startCompilerTicks = compilerTicks();
    private final long[] startMachineTicks = machineTicks();

    /**
     * Processor time in the {@code elapsedMillis} since {@link #start()}, in milliseconds: this JVM's, the machine's, and the
     * part of the JVM's its JIT compilers took (a measure taken while they still work is not yet at speed); NaN where
     * {@code /proc} is not there.
     */
    public record Reading(double elapsedMillis, double jvmMillis, double machineMillis, double compilingMillis) {

        /** Cores this JVM kept busy on average. */
        public double jvmCores() {
            return jvmMillis / elapsedMillis;
        }

        /** Cores the machine kept busy on average. */
        public double machineCores() {
            return machineMillis / elapsedMillis;
        }
    }

    private CpuUse() {
    }

    public static CpuUse start() {
        return new CpuUse();
    }

    public Reading read() {
        long[] machine = machineTicks();
        double machineMillis = machine.length == 0 || startMachineTicks.length == 0 ? Double.NaN
                : (busy(machine) - busy(startMachineTicks)) * MILLIS_PER_TICK;
        long compiler = compilerTicks();
        return new Reading((System.nanoTime() - startNanos) / 1e6, (OS.getProcessCpuTime() - startJvmNanos) / 1e6, machineMillis,
                compiler < 0 || startCompilerTicks < 0 ? Double.NaN : (compiler - startCompilerTicks) * MILLIS_PER_TICK);
    }

    /** Ticks of the first line of /proc/stat: user, nice, system, idle, iowait, irq, softirq, steal. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Arrays.stream(fields, 1, Math.min(fields.length, 9)).mapToLong(Long::parseLong).toArray();
        } catch (IOException | RuntimeException notLinux) {
            return new long[0];
        }
    }

    /** User and system ticks of this JVM's JIT compiler threads (C1, C2), from {@code /proc/self/task}; -1 where there is none. */
    private static long compilerTicks() {
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            long ticks = 0;
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                        String stat = Files.readString(thread.resolve("stat"));
                        // after the name in parentheses: state is field 3, utime and stime are fields 14 and 15
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException threadEnded) {
                    // the JVM stops compiler threads it no longer needs; their ticks go with them
                }
            }
            return ticks;
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }

    /** Everything but idle and I/O wait. */
    private static long busy(long[] ticks) {
        long busy = 0;
        for (int i = 0; i < ticks.length; i++) {
            busy += i == 3 || i == 4 ? 0 : ticks[i];
        }
        return busy;
    }
}
