package dev.strata.bench.console;

import dev.strata.engine.Population;
import dev.strata.engine.PopulationBuilder;
import dev.strata.ingest.InvalidMessageException;
import dev.strata.ingest.MessageParser;
import dev.strata.synth.PopulationGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A generated population read straight into a {@link PopulationBuilder}, line by line as the
 * generator writes it: no NDJSON file (11.6 GiB at 1M profiles) on disk. Built with an instant
 * far in the future, as the server's live engine builds its snapshot.
 */
final class InProcessPopulation {
    private InProcessPopulation() {
    }

    static Population build(PopulationGenerator.Options options) throws IOException {
        PopulationBuilder builder = new PopulationBuilder(Long.MAX_VALUE);
        try (LineFeeder feeder = new LineFeeder(builder)) {
            PopulationGenerator.write(options, feeder);
        }
        return builder.build();
    }

    /** Splits the generator's bytes into lines and parses each into the builder. */
    private static final class LineFeeder extends OutputStream {
        private final PopulationBuilder builder;
        private byte[] line = new byte[4096];
        private int length;

        LineFeeder(PopulationBuilder builder) {
            this.builder = builder;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                flushLine();
                return;
            }
            if (length == line.length) line = Arrays.copyOf(line, length * 2);
            line[length++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int end = off + len;
            int start = off;
            for (int i = off; i < end; i++) {
                if (b[i] != '\n') continue;
                append(b, start, i - start);
                flushLine();
                start = i + 1;
            }
            append(b, start, end - start);
        }

        private void append(byte[] b, int off, int len) {
            if (len == 0) return;
            if (length + len > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, length + len));
            System.arraycopy(b, off, line, length, len);
            length += len;
        }

        private void flushLine() {
            if (length == 0) return;
            try {
                builder.accept(MessageParser.parse(line, 0, length, 0L));
            } catch (InvalidMessageException | MessageParser.IgnoredTypeException e) {
                // the generator writes valid identify and track messages only; anything else is not a profile's data
            }
            length = 0;
        }

        @Override
        public void close() {
            flushLine();
        }
    }
}
