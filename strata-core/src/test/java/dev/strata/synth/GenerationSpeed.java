package dev.strata.synth;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Measures generation speed: {@code GenerationSpeed [profiles] [threads] [out-file]}. Without an
 * output file the bytes go to a null stream, which measures generation alone.
 * Run with {@code java -cp strata-core/target/classes:strata-core/target/test-classes dev.strata.synth.GenerationSpeed 100000}.
 */
public final class GenerationSpeed {

    private GenerationSpeed() {
    }

    public static void main(String[] args) throws IOException {
        int profiles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        PopulationGenerator.Options options = PopulationGenerator.Options.defaults(profiles);
        // Warm up the JIT and the calibration pilot, which the measured run then reuses.
        PopulationGenerator.write(PopulationGenerator.Options.defaults(20_000), OutputStream.nullOutputStream(), d -> { }, threads);
        long bytes;
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        PopulationGenerator.Summary summary;
        if (args.length > 2) {
            try (OutputStream out = new BufferedOutputStream(new FileOutputStream(args[2]), 1 << 16)) {
                summary = PopulationGenerator.write(options, out, d -> { }, threads);
            }
            bytes = new java.io.File(args[2]).length();
        } else {
            CountingStream out = new CountingStream();
            summary = PopulationGenerator.write(options, out, d -> { }, threads);
            bytes = out.count;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // CPU time does not depend on what else the machine runs: the steadier number on a shared host.
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        System.out.printf("%d profiles, %d events, %d messages, %.1f MB in %.2f s with %d worker threads: "
                        + "%.0f events/s, %.0f messages/s, %.0f MB/s, %.1f events/profile; "
                        + "%.2f CPU s = %.0f events per CPU second%n",
                summary.profiles(), summary.events(), summary.messages(), bytes / 1e6, seconds, threads,
                summary.events() / seconds, summary.messages() / seconds, bytes / 1e6 / seconds, summary.eventsPerProfile(),
                cpuSeconds, summary.events() / cpuSeconds);
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
