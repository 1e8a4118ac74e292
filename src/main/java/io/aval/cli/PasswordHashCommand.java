package io.aval.cli;

import io.aval.transport.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./aval password-hash}: makes the hash of a partner's HTTP password for
 * {@code partners.yaml} ({@code credentials.passwordHash}) or for the environment variable it
 * references. The password is read from the console without echo, or from standard input.
 */
@Command(name = "password-hash", mixinStandardHelpOptions = true,
        description = "Prints the PBKDF2 hash of a partner password for partners.yaml (credentials.passwordHash).")
public final class PasswordHashCommand implements Callable<Integer> {

    @Option(names = "--iterations", description = "PBKDF2 iterations (default: ${DEFAULT-VALUE})")
    int iterations = PasswordHash.DEFAULT_ITERATIONS;

    @Option(names = "--stdin", description = "Read the password from the first line of standard input (scripts)")
    boolean stdin;

    @Override
    public Integer call() throws IOException {
        char[] password;
        Console console = System.console();
        if (!stdin && console != null) {
            password = console.readPassword("Partner password: ");
            char[] again = console.readPassword("Again: ");
            if (password == null || again == null || !java.util.Arrays.equals(password, again)) {
                System.err.println("aval: the two passwords differ");
                return 1;
            }
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password == null || password.length < 12) {
            System.err.println("aval: a partner password needs at least 12 characters");
            return 1;
        }
        System.out.println(PasswordHash.create(password, iterations));
        return 0;
    }

    /** Usable on its own until it is a subcommand of {@code ./aval}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new PasswordHashCommand()).execute(args));
    }
}
