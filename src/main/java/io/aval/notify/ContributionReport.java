package io.aval.notify;

import io.aval.notify.AccountDirectory.Account;
import io.aval.notify.internal.EmailComposer;
import io.aval.notify.internal.VolumeChart;
import io.aval.signal.DownstreamFunction;
import io.aval.signal.SignalType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the downstream functions contributed over a period of business dates: per function and per
 * account team, the signals their flows produced by type, how many reached a rep, how many the reps
 * found useful (or not), and the leads credited to them. As CSV (one row per function, account and
 * type) or as an HTML page with a bar chart.
 */
public final class ContributionReport {

    /** Signal types that are sales leads: a new plant, a new export market, a market won. */
    public static final Set<SignalType> LEADS = EnumSet.of(
            SignalType.NEW_DELIVERY_SITE, SignalType.NEW_EXPORT_DESTINATION, SignalType.LARGE_ORDER);

    /** Signals of one type, credited to one function, on one account. */
    public record Row(DownstreamFunction function, String accountId, SignalType type, long signals, long notified,
                      long useful, long notUseful) {

        public long leads() {
            return LEADS.contains(type) ? signals : 0;
        }
    }

    /** Sums over rows. */
    public record Totals(long signals, long notified, long useful, long notUseful, long leads) {

        static Totals of(List<Row> rows) {
            return new Totals(rows.stream().mapToLong(Row::signals).sum(), rows.stream().mapToLong(Row::notified).sum(),
                    rows.stream().mapToLong(Row::useful).sum(), rows.stream().mapToLong(Row::notUseful).sum(),
                    rows.stream().mapToLong(Row::leads).sum());
        }
    }

    private final EntityManagerFactory emf;
    private final AccountDirectory accounts;

    public ContributionReport(EntityManagerFactory emf, AccountDirectory accounts) {
        this.emf = emf;
        this.accounts = accounts;
    }

    /** The report's rows for signals of business dates in [from, to]; a null bound is open. */
    public Report compute(LocalDate from, LocalDate to) {
        StringBuilder jpql = new StringBuilder("select s.function, s.accountId, s.type, count(s), count(n.id), "
                + "sum(case when f.useful = true then 1 else 0 end), sum(case when f.useful = false then 1 else 0 end) "
                + "from Signal s left join SignalNotification n on n.signalId = s.id "
                + "left join SignalFeedback f on f.signalId = s.id where 1 = 1");
        if (from != null) {
            jpql.append(" and s.businessDate >= :from");
        }
        if (to != null) {
            jpql.append(" and s.businessDate <= :to");
        }
        jpql.append(" group by s.function, s.accountId, s.type");
        EntityManager em = emf.createEntityManager();
        try {
            var q = em.createQuery(jpql.toString(), Object[].class);
            if (from != null) {
                q.setParameter("from", from);
            }
            if (to != null) {
                q.setParameter("to", to);
            }
            List<Row> rows = new ArrayList<>();
            for (Object[] r : q.getResultList()) {
                rows.add(new Row((DownstreamFunction) r[0], (String) r[1], (SignalType) r[2], number(r[3]), number(r[4]),
                        number(r[5]), number(r[6])));
            }
            rows.sort(Comparator.comparing(Row::function).thenComparing(Row::accountId).thenComparing(Row::type));
            return new Report(from, to, rows, accounts);
        } finally {
            em.close();
        }
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    /** A computed report. */
    public record Report(LocalDate from, LocalDate to, List<Row> rows, AccountDirectory accounts) {

        public Map<DownstreamFunction, Totals> byFunction() {
            Map<DownstreamFunction, Totals> out = new LinkedHashMap<>();
            for (DownstreamFunction f : DownstreamFunction.values()) {
                out.put(f, Totals.of(rows.stream().filter(r -> r.function() == f).toList()));
            }
            return out;
        }

        /** Function → account → totals. */
        public Map<DownstreamFunction, Map<String, Totals>> byFunctionAndAccount() {
            Map<DownstreamFunction, Map<String, Totals>> out = new TreeMap<>();
            rows.stream().collect(Collectors.groupingBy(Row::function, TreeMap::new, Collectors.groupingBy(Row::accountId, TreeMap::new,
                    Collectors.toList()))).forEach((f, byAccount) -> {
                        Map<String, Totals> m = new TreeMap<>();
                        byAccount.forEach((a, rs) -> m.put(a, Totals.of(rs)));
                        out.put(f, m);
                    });
            return out;
        }

        public String csv() {
            StringBuilder out = new StringBuilder("from,to,function,account,account_name,rep,signal_type,signals,notified,useful,not_useful,leads\n");
            for (Row r : rows) {
                Account a = accounts.account(r.accountId()).orElse(null);
                out.append(String.join(",", String.valueOf(from == null ? "" : from), String.valueOf(to == null ? "" : to),
                                r.function().name(), csvField(r.accountId()), csvField(a == null ? "" : a.name()),
                                csvField(a == null ? "" : a.rep().name()), r.type().name(), Long.toString(r.signals()),
                                Long.toString(r.notified()), Long.toString(r.useful()), Long.toString(r.notUseful()),
                                Long.toString(r.leads())))
                        .append('\n');
            }
            return out.toString();
        }

        private static String csvField(String s) {
            return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }

        public String html() {
            String period = (from == null ? "…" : from.toString()) + " → " + (to == null ? "…" : to.toString());
            StringBuilder out = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                    + "<title>Aval — downstream functions' contribution</title><style>body{font-family:Arial,Helvetica,sans-serif}"
                    + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                    + "td.l,th.l{text-align:left}</style></head><body>");
            out.append("<h1>Downstream functions' contribution</h1><p>Business dates ").append(esc(period)).append("</p>");
            Map<DownstreamFunction, Totals> byFunction = byFunction();
            out.append("<h2>Per function</h2><table><tr><th class=\"l\">Function</th><th>Signals</th><th>Sent to reps</th>"
                    + "<th>Useful</th><th>Not useful</th><th>Leads</th></tr>");
            byFunction.forEach((f, t) -> out.append("<tr><td class=\"l\">").append(f).append("</td><td>").append(t.signals())
                    .append("</td><td>").append(t.notified()).append("</td><td>").append(t.useful()).append("</td><td>")
                    .append(t.notUseful()).append("</td><td>").append(t.leads()).append("</td></tr>"));
            out.append("</table>");
            List<String> functions = byFunction.keySet().stream().map(Enum::name).toList();
            Map<String, List<? extends Number>> series = new LinkedHashMap<>();
            series.put("Signals", byFunction.values().stream().map(Totals::signals).toList());
            series.put("Useful", byFunction.values().stream().map(Totals::useful).toList());
            series.put("Leads", byFunction.values().stream().map(Totals::leads).toList());
            byte[] png = VolumeChart.bars("Contribution per downstream function", functions, series);
            out.append("<p><img alt=\"Signals, useful and leads per function\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\"></p>");
            out.append("<h2>Per function and account team</h2><table><tr><th class=\"l\">Function</th><th class=\"l\">Account</th>"
                    + "<th class=\"l\">Rep</th><th class=\"l\">Signals by type</th><th>Signals</th><th>Useful</th><th>Not useful</th>"
                    + "<th>Leads</th></tr>");
            byFunctionAndAccount().forEach((f, byAccount) -> byAccount.forEach((accountId, t) -> {
                Account a = accounts.account(accountId).orElse(null);
                String types = rows.stream().filter(r -> r.function() == f && r.accountId().equals(accountId))
                        .map(r -> r.type() + " " + r.signals()).collect(Collectors.joining(", "));
                out.append("<tr><td class=\"l\">").append(f).append("</td><td class=\"l\">")
                        .append(esc(a == null ? accountId : a.name() + " (" + accountId + ")")).append("</td><td class=\"l\">")
                        .append(esc(a == null ? "" : a.rep().name())).append("</td><td class=\"l\">").append(esc(types))
                        .append("</td><td>").append(t.signals()).append("</td><td>").append(t.useful()).append("</td><td>")
                        .append(t.notUseful()).append("</td><td>").append(t.leads()).append("</td></tr>");
            }));
            out.append("</table></body></html>");
            return out.toString();
        }

        private static String esc(String s) {
            return EmailComposer.escape(s);
        }
    }
}
