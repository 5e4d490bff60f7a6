package dev.strata.cli;

import picocli.CommandLine.Command;

/** {@code strata import}: data into the store, for the server's next start. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports data into the store while the server is stopped.",
        subcommands = {ImportNdjsonCommand.class, ImportCsvCommand.class, ImportFhirCommand.class})
final class ImportCommand {
}
