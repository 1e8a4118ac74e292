package io.aval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Runs {@code aval …} through picocli on one config and data folder, capturing what it prints. */
record QuarantineCli(Path config, Path data) {

    /** One run: exit code, standard output and standard error. */
    record Run(int exit, String out, String err) {
        /** The table line of {@code quarantine list} for one entry id. */
        String line(String id) {
            return out.lines().filter(l -> l.startsWith(id + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no line for " + id + " in\n" + out));
        }
    }

    Run aval(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--data", data.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new AvalCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** The UBL files delivered to the ERP so far. */
    List<Path> erpFiles() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("outbound/erp"))) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    /** A copy of the project's config/ in {@code to}, with {@code extraProperties} appended to application.properties. */
    static Path copyConfig(Path from, Path to, String extraProperties) throws IOException {
        io.aval.config.AvalConfig.copyFolder(from, to);
        Files.writeString(to.resolve("application.properties"), "\n" + extraProperties + "\n", java.nio.file.StandardOpenOption.APPEND);
        return to;
    }
}
