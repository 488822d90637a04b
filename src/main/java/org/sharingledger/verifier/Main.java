package org.sharingledger.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The independent verifier's command line, also the ledger's own {@code verify-export}:
 * {@code java -jar sharing-ledger-verifier.jar EXPORT.json CHECKPOINT.txt [--key VERIFIER_KEY]
 * [--consistency PROOF.json]}. Exit status 0 verified, 1 not verified, 2 could not run.
 */
public final class Main {

    static final String USAGE = """
            Usage: java -jar sharing-ledger-verifier.jar EXPORT.json CHECKPOINT.txt [--key VERIFIER_KEY]
                                                         [--consistency PROOF.json]
              Checks an exported timeline offline: the ledger's seal over it, every step's proof that it is in the
              signed ledger, that the export's checkpoint is the published one (or, with a consistency proof from
              GET /api/ledger/consistency, that one extends the other), and that no step the ledger counted for
              the child at that checkpoint is missing. Exit status: 0 verified, 1 not verified, 2 could not run.
            """;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a check with these arguments (without a command name); returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        String key = null;
        String consistencyFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--key") || arg.equals("--consistency")) {
                if (i + 1 >= args.length) {
                    return usage(err, arg + " needs a value");
                }
                if (arg.equals("--key")) {
                    key = args[++i];
                } else {
                    consistencyFile = args[++i];
                }
            } else if (arg.startsWith("--")) {
                return usage(err, "Unknown option " + arg);
            } else {
                files.add(arg);
            }
        }
        if (files.size() != 2) {
            return usage(err, "Give the export and the published checkpoint (2 files)");
        }
        String export;
        String statement;
        String consistency;
        try {
            export = Files.readString(Path.of(files.get(0)), StandardCharsets.UTF_8);
            statement = Files.readString(Path.of(files.get(1)), StandardCharsets.UTF_8);
            consistency =
                    consistencyFile == null ? null : Files.readString(Path.of(consistencyFile), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            err.println("Could not read: " + e.getMessage());
            return 2;
        }
        ExportVerifier.Result result = ExportVerifier.check(export, statement, key, consistency);
        result.findings().forEach(out::println);
        out.println(
                result.verified()
                        ? "verified: this export is authentic and every event in it is in the published ledger"
                        : "NOT VERIFIED");
        return result.verified() ? 0 : 1;
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.print(USAGE);
        return 2;
    }
}
