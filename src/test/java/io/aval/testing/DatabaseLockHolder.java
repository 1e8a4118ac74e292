package io.aval.testing;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Holds an H2 file database open from a process of its own, as a running gateway does, until its
 * standard input closes: the other process then meets H2's file lock. Prints "locked" once open.
 */
public final class DatabaseLockHolder {

    private DatabaseLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
            c.createStatement().execute("select 1");
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our stdin
            }
        }
    }
}
