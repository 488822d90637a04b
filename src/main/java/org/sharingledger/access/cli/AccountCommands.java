package org.sharingledger.access.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.sharingledger.platform.storage.PostmasterPid;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code reset-admin-password USERNAME}: starts the ledger without its web server on the same database as the
 * running configuration would (SPRING_DATASOURCE_URL, or the embedded one in LEDGER_DATA_DIR), sets a new password
 * for that administrator as the operator, and stops. The password is LEDGER_NEW_ADMIN_PASSWORD when set,
 * else a random one, written to a file in the data folder that only this user may read (never to the console). Exit status 0 when done, 1 when refused, 2 when the command could not run.
 */
public final class AccountCommands {

    static final String COMMAND = "reset-admin-password";
    static final String PASSWORD_VARIABLE = "LEDGER_NEW_ADMIN_PASSWORD";
    static final String PASSWORD_FILE = "admin-password-reset";

    private static final String USAGE = """
            Usage:
              java -jar sharing-ledger.jar reset-admin-password USERNAME
                  Set a new password for the administrator USERNAME, recorded as a PasswordChanged event with
                  the actor 'operator'; the administrator must change it at the next sign-in.
                  Password: LEDGER_NEW_ADMIN_PASSWORD (12 to 64 characters), or else a random one, written to
                  admin-password-reset in the data folder (LEDGER_DATA_DIR), readable only by this user.
                  Database: SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and _PASSWORD), or else the
                  embedded one in LEDGER_DATA_DIR (default ./data), which must not be in use: stop the ledger first.
            """;

    private AccountCommands() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals(COMMAND);
    }

    /** From the command line: runs the command with the process's environment and exits with its status. */
    public static void main(Class<?> application, String[] args) {
        System.exit(run(application, args, System.getenv(), Map.of(), System.out, System.err));
    }

    /**
     * Runs the command and answers its exit status.
     *
     * @param properties more settings for the application (tests); the process's environment is read as usual
     */
    public static int run(
            Class<?> application,
            String[] args,
            Map<String, String> env,
            Map<String, Object> properties,
            PrintStream out,
            PrintStream err) {
        if (args.length != 2 || args[1].startsWith("-")) {
            err.println(COMMAND + " takes one argument, the administrator's username");
            err.print(USAGE);
            return 2;
        }
        String username = args[1];
        if (!env.containsKey("SPRING_DATASOURCE_URL")) {
            Path dataDir = dataDir(env);
            // Starting on a folder whose server runs would stop that server under the running ledger.
            if (PostmasterPid.read(dataDir.resolve("postgres"))
                    .filter(PostmasterPid::alive)
                    .isPresent()) {
                err.println("The embedded database in " + dataDir + " is in use: stop the ledger first. (If the "
                        + "ledger was killed and left its database running, start and stop the ledger once.)");
                return 2;
            }
        }
        String given = env.get(PASSWORD_VARIABLE);
        boolean generated = given == null || given.isEmpty();
        String password = generated ? generatePassword() : given;
        // A generated password goes to its file before it is set, so it is never set without anyone knowing it.
        Path file = null;
        if (generated) {
            try {
                file = PasswordFile.write(
                        dataDir(env),
                        PASSWORD_FILE,
                        "The new password of the administrator '" + username + "'",
                        password);
            } catch (IOException e) {
                err.println("Could not write the new password to " + dataDir(env) + " (" + e.getMessage()
                        + "): nothing was changed. Set " + PASSWORD_VARIABLE + " to give the password yourself.");
                return 2;
            }
        }
        Map<String, Object> settings = new HashMap<>(properties);
        settings.put("spring.main.banner-mode", "off");
        settings.put("logging.level.root", "WARN");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(settings)
                .run()) {
            context.getBean(AdministratorPasswordReset.class).reset(username, password);
        } catch (RuntimeException e) {
            err.println("Could not reset the password of " + username + ": " + e.getMessage());
            deleteQuietly(file);
            return 1;
        }
        out.println(
                generated
                        ? handedOver(username, file)
                        : "The administrator '" + username + "' now has the password from " + PASSWORD_VARIABLE
                                + "; they must change it at their next sign-in.");
        return 0;
    }

    /** What the operator reads once a generated password is set: where it is, never the password itself. */
    static String handedOver(String username, Path file) {
        return "The administrator '" + username + "' now has a new password, written to\n    " + file
                + "\nreadable only by this user. Give it to them by a safe route and delete the file; they must "
                + "change it at their next sign-in.";
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // The password it holds was never set: harmless, if untidy.
            }
        }
    }

    /** The data folder: LEDGER_DATA_DIR, or ./data. */
    static Path dataDir(Map<String, String> env) {
        return Path.of(env.getOrDefault("LEDGER_DATA_DIR", "data"))
                .toAbsolutePath()
                .normalize();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
