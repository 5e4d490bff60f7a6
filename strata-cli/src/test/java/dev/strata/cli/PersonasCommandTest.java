package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/strata personas evaluate and discover on small generated populations. */
class PersonasCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void evaluatePrintsTheConfusionMatrixAndAccuracy() {
        Run r = run("personas", "evaluate", "--profiles", "1500", "--work-dir", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("| true \\ assigned | Compliant and content |").contains("accuracy 0.");
        assertThat(r.err()).contains("1,500 profiles");
    }

    @Test
    void evaluateReportsAnInvalidTemplateWithItsLine() throws Exception {
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "Shop while saving\tcount(\"App Open\" >= \n");
        Run r = run("personas", "evaluate", "--profiles", "100", "--segments", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("bad.tsv:1:");
    }

    @Test
    void discoverPrintsPersonasWithWhatSetsThemApart() {
        Run r = run("personas", "discover", "--profiles", "1500", "--k-max", "4", "--work-dir", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("k=2  silhouette").contains("k=4  silhouette").contains("<- chosen").contains("Persona 1: ").contains(" (mean ").contains("| persona | profiles | Compliant and content |");
    }

    @Test
    void discoverRefusesAnEmptyRangeOfK() {
        Run r = run("personas", "discover", "--profiles", "100", "--k-min", "5", "--k-max", "3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("5..3");
    }
}
