package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serve command's configuration errors: named, exit code 2, no server started. */
class ServeCommandTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[]{Integer.toString(code), err.toString()};
    }

    @Test
    void anInvalidValueIsNamedWithItsSource() throws Exception {
        String[] r = run("serve", "--port", "70000", "--data-dir", dir.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("port must be 0..65535, got 70000");

        Path config = dir.resolve("strata.properties");
        Files.writeString(config, "log-format=xml\n");
        r = run("serve", "--config", config.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("log-format in " + config).contains("'xml'");
    }

    @Test
    void serveIsListedInTheHelp() {
        StringWriter out = new StringWriter();
        Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
        assertThat(out.toString()).contains("serve");
    }
}
