package dev.strata.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A large FHIR input for the import benchmark: N copies of a directory of bundles (such as the
 * Synthea fixture) in which every UUID is prefixed with the copy number, so each copy is new
 * patients and new resources rather than duplicates the store would skip.
 *
 * <pre>java -cp strata-bench.jar dev.strata.bench.FhirReplicas FROM_DIR COPIES OUT_DIR</pre>
 */
public final class FhirReplicas {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private FhirReplicas() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: FhirReplicas FROM_DIR COPIES OUT_DIR");
            System.exit(2);
        }
        Path from = Path.of(args[0]);
        int copies = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        List<Path> files;
        try (Stream<Path> s = Files.list(from)) {
            files = s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".json.gz")).sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) {
            String text;
            try (InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String name = f.getFileName().toString().replace(".gz", "");
            for (int c = 0; c < copies; c++) {
                String copy = prefixed(text, "r" + c + "-");
                Files.writeString(out.resolve("r" + c + "-" + name), copy);
                bytes += copy.length();
            }
        }
        System.out.printf("wrote %d files, %,d MB, to %s%n", files.size() * copies, bytes >> 20, out);
    }

    static String prefixed(String text, String prefix) {
        Matcher m = UUID.matcher(text);
        StringBuilder sb = new StringBuilder(text.length() + text.length() / 20);
        while (m.find()) m.appendReplacement(sb, prefix + m.group());
        m.appendTail(sb);
        return sb.toString();
    }
}
