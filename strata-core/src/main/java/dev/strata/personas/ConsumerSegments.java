package dev.strata.personas;

import dev.strata.batch.SegmentDefinitions;
import dev.strata.synth.LatentSegment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The template of the six consumer segments (examples/consumer-segments.tsv, bundled as a
 * resource): an ordered rule list in the segment language where every rule excludes the segments
 * above it, so each profile lands in exactly one.
 */
public final class ConsumerSegments {
    /** Where the template is bundled on the class path. */
    public static final String RESOURCE = "/examples/consumer-segments.tsv";
    public static final String SOURCE = "examples/consumer-segments.tsv";

    private ConsumerSegments() {
    }

    public static String text() {
        try (InputStream in = ConsumerSegments.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the bundled " + SOURCE + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled template, parsed. */
    public static SegmentDefinitions definitions() {
        try {
            return SegmentDefinitions.parse(SOURCE, text());
        } catch (SegmentDefinitions.InvalidDefinitionsException e) {
            throw new IllegalStateException("the bundled " + SOURCE + " does not parse: " + e.getMessage(), e);
        }
    }

    /** The latent segment a template segment stands for, by its survey name. */
    public static LatentSegment latentOf(String segmentName) {
        for (LatentSegment s : LatentSegment.values()) {
            if (s.displayName().equals(segmentName)) return s;
        }
        throw new IllegalArgumentException("segment \"" + segmentName + "\" is not one of the six consumer segments " + names());
    }

    public static List<String> names() {
        return java.util.Arrays.stream(LatentSegment.values()).map(LatentSegment::displayName).toList();
    }
}
