package org.sharingledger.evidence.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sharingledger.evidence.LedgerDatabase;
import org.sharingledger.evidence.LedgerKey;
import org.sharingledger.evidence.LedgerVerifier;
import org.sharingledger.evidence.OfflineReadModels;
import org.sharingledger.evidence.api.Verification;
import org.sharingledger.verifier.Main;
import org.sharingledger.verifier.VerifierKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code verify}: recompute the whole ledger from its database, with progress, and say "verified" or exactly what
 * is wrong and where. {@code verify-export}: check an exported timeline against a published checkpoint, offline.
 * Exit status 0 when verified, 1 when not, 2 when the command could not run.
 */
public final class EvidenceCommands {

    private static final String USAGE = """
            Usage:
              java -jar sharing-ledger.jar verify [--key VERIFIER_KEY] [--checkpoint CHECKPOINT.txt] [--json]
                                                  [--events-only]
                  Recompute every event hash, every chain and every signed checkpoint, then reconcile the read
                  models that decide access or feed exports (accounts, tokens, agencies, grants, timelines,
                  deadlines) with the events, unless --events-only. With --checkpoint, also prove that the ledger
                  still extends that published checkpoint statement.
                  Database: SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and _PASSWORD), or else the
                  embedded one in LEDGER_DATA_DIR (default ./data), running or not.
                  Key: the ledger's published verifier key; without --key it is derived from LEDGER_SIGNING_KEY
                  or the data folder's signing.key.
              java -jar sharing-ledger.jar verify-export EXPORT.json CHECKPOINT.txt [--key VERIFIER_KEY]
                                                         [--consistency PROOF.json]
                  Check an exported timeline offline against a published checkpoint statement.
            """;

    private EvidenceCommands() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("verify") || args[0].equals("verify-export"));
    }

    /** From the command line: runs the command with the process's environment and exits with its status. */
    public static void main(String[] args) {
        quietLogging();
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            return args[0].equals("verify") ? verify(args, env, out, err) : verifyExport(args, out, err);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("Could not verify: " + e.getMessage());
            return 2;
        }
    }

    /** Outside the application nothing configures logging: keep the embedded server's chatter off the output. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static int verify(String[] args, Map<String, String> env, PrintStream out, PrintStream err)
            throws IOException {
        Options options = Options.parse(args, 0, List.of("--key", "--checkpoint"), List.of("--json", "--events-only"));
        String published = options.value("--checkpoint") == null
                ? null
                : Files.readString(Path.of(options.value("--checkpoint")), StandardCharsets.UTF_8);
        Path dataDir = Path.of(env.getOrDefault("LEDGER_DATA_DIR", "data"))
                .toAbsolutePath()
                .normalize();
        VerifierKey key = options.value("--key") != null
                ? VerifierKey.parse(options.value("--key"))
                : LedgerKey.load(
                                env.getOrDefault("LEDGER_ORIGIN", "sharing-ledger"),
                                env.getOrDefault("LEDGER_SIGNING_KEY", ""),
                                env.containsKey("SPRING_DATASOURCE_URL"),
                                dataDir)
                        .verifier();
        err.println("Verifying with key " + key.name() + " (fingerprint " + key.fingerprint() + ")");
        try (LedgerDatabase database = LedgerDatabase.open(
                env.get("SPRING_DATASOURCE_URL"),
                env.get("SPRING_DATASOURCE_USERNAME"),
                env.get("SPRING_DATASOURCE_PASSWORD"),
                dataDir)) {
            long started = System.nanoTime();
            Verification events = new LedgerVerifier(database.dataSource(), key, Clock.systemUTC())
                    .verify(
                            (done, total) -> {
                                double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
                                err.printf(
                                        "\r  %,d of %,d events (%d%%), %,.0f events/s   ",
                                        done, total, total == 0 ? 100 : done * 100 / total, done / seconds);
                            },
                            published);
            err.println();
            Verification result = events;
            if (!options.flag("--events-only")) {
                err.println("Reconciling the read models that decide access or feed exports with the events");
                result = OfflineReadModels.including(events, database.dataSource());
            }
            if (options.flag("--json")) {
                out.println(JsonMapper.builder()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .build()
                        .writeValueAsString(result));
            } else {
                print(result, out);
            }
            return result.verified() ? 0 : 1;
        }
    }

    static void print(Verification result, PrintStream out) {
        if (result.verified()) {
            out.printf(
                    "verified: %,d events, checkpoint %s%n",
                    result.events(),
                    result.checkpoint() == null
                            ? "none yet"
                            : String.format(
                                    "of %,d events signed %s (root %s)",
                                    result.checkpoint().treeSize(),
                                    result.checkpoint().signedAt(),
                                    result.checkpoint().rootHash()));
        } else {
            out.printf(
                    "NOT VERIFIED: %,d problem(s) among %,d events%n",
                    result.problems().size() + result.problemsNotListed(), result.events());
            for (Verification.Problem problem : result.problems()) {
                if (problem.table() != null) {
                    out.printf(
                            "  %s in table %s, row %s: %s%n",
                            problem.kind(), problem.table(), problem.key(), problem.detail());
                    continue;
                }
                out.printf(
                        "  %s at position %s, stream %s, sequence %s: %s%n",
                        problem.kind(),
                        problem.position() == null ? "-" : problem.position(),
                        problem.aggregateIdentifier() == null ? "-" : problem.aggregateIdentifier(),
                        problem.sequenceNumber() == null ? "-" : problem.sequenceNumber(),
                        problem.detail());
            }
        }
        out.printf(
                "%,d events in %,d ms: %,d events/s; %,d signed checkpoints; %,d events since the latest%n",
                result.events(),
                result.durationMillis(),
                result.eventsPerSecond(),
                result.checkpoints(),
                result.uncheckpointedEvents());
    }

    /** The independent verifier's own check, the same code as its jar's (org.sharingledger.verifier). */
    private static int verifyExport(String[] args, PrintStream out, PrintStream err) {
        return Main.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }

    /** Positional arguments after the command, then --name value options and --flag switches. */
    private record Options(List<String> positionals, Map<String, String> values, List<String> flags) {

        static Options parse(String[] args, int positionalCount, List<String> valued, List<String> switches) {
            List<String> positionals = new ArrayList<>();
            Map<String, String> values = new HashMap<>();
            List<String> flags = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (valued.contains(arg)) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(arg + " needs a value");
                    }
                    values.put(arg, args[++i]);
                } else if (switches.contains(arg)) {
                    flags.add(arg);
                } else if (arg.startsWith("--")) {
                    throw new UsageException("Unknown option " + arg);
                } else {
                    positionals.add(arg);
                }
            }
            if (positionals.size() != positionalCount) {
                throw new UsageException(args[0] + " takes " + positionalCount + " file argument(s)");
            }
            return new Options(positionals, values, flags);
        }

        String value(String name) {
            return values.get(name);
        }

        boolean flag(String name) {
            return flags.contains(name);
        }
    }

    private static final class UsageException extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
