package io.aval.crash;

import java.io.PrintStream;
import java.util.List;

/**
 * What the crash test counted, per order (one EDIFACT message = one order = one ERP document),
 * from independent evidence: the inputs it handed in, the files the simulated ERP took, the
 * journal's QUARANTINED entries.
 *
 * @param accepted            orders handed in (a file dropped, or an HTTP POST answered 202)
 * @param deliveredOnce       orders with exactly one ERP file and no quarantine entry
 * @param quarantined         orders with a quarantine entry and no ERP file
 * @param duplicates          orders the ERP received more than once (extra copies counted)
 * @param missing             orders neither delivered nor quarantined
 * @param deliveredAndQuarantined orders with an ERP file and a quarantine entry
 * @param unknownFiles        ERP files that match no input order
 * @param quarantineExpected  orders made invalid on purpose
 * @param quarantinedValid    valid orders that ended in quarantine (technical failures)
 * @param deliveredInvalid    invalid orders the ERP received
 * @param problems            one line per order that broke the rule, for the log
 */
public record CrashReport(int interchanges, int accepted, int viaHttp, int deliveredOnce, int quarantined, int duplicates,
                          int missing, int deliveredAndQuarantined, int unknownFiles, int quarantineExpected,
                          int quarantinedValid, int deliveredInvalid, int kills, List<Integer> killExitCodes, int starts,
                          int httpRetries, long journalDuplicateInterchanges, double seconds, List<String> problems) {

    /** Exactly once: every accepted order delivered once or quarantined, none twice, none lost. */
    public boolean exactlyOnce() {
        return duplicates == 0 && missing == 0 && deliveredAndQuarantined == 0 && unknownFiles == 0
                && accepted == deliveredOnce + quarantined;
    }

    public void print(PrintStream out) {
        out.printf("crash test: %d interchanges, %d kills (SIGKILL, exit codes %s), %d starts, %.1f s%n",
                interchanges, kills, killExitCodes, starts, seconds);
        out.printf("accepted               %6d  (orders = messages; %d interchanges over HTTP, %d POSTs retried after a kill)%n",
                accepted, viaHttp, httpRetries);
        out.printf("delivered exactly once %6d%n", deliveredOnce);
        out.printf("quarantined            %6d  (%d invalid on purpose; %d valid ones quarantined, %d invalid ones delivered)%n",
                quarantined, quarantineExpected, quarantinedValid, deliveredInvalid);
        out.printf("duplicates             %6d%n", duplicates);
        out.printf("missing                %6d%n", missing);
        out.printf("delivered+quarantined  %6d  unknown ERP files %d; interchanges journaled twice (DUPLICATE) %d%n",
                deliveredAndQuarantined, unknownFiles, journalDuplicateInterchanges);
        problems.stream().limit(20).forEach(p -> out.println("  " + p));
        out.println(exactlyOnce() ? "OK: accepted = delivered exactly once + quarantined, no duplicate, nothing missing"
                : "FAILED: exactly-once broken");
    }
}
