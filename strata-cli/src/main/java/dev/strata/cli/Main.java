package dev.strata.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code strata} command. {@code bin/strata bench} runs the separate benchmark jar. */
@Command(name = "strata",
        mixinStandardHelpOptions = true,
        version = "strata 0.1.0",
        description = "Healthcare customer segmentation: exact segments over Segment-spec data.%n"
                + "Also: 'bin/strata bench --help' for the side-by-side benchmark against DuckDB.",
        subcommands = {ServeCommand.class, ImportCommand.class, DemoCommand.class, EvalCommand.class, GenerateCommand.class, PersonasCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    /** Runs with the given standard output and error, as tests do. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
