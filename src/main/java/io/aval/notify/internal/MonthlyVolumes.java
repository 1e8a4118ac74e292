package io.aval.notify.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/** An account's ordered quantity per month, from the signal history ({@code account_event} ORDERS lines). */
public final class MonthlyVolumes {

    private final EntityManagerFactory emf;

    public MonthlyVolumes(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** The {@code months} months ending with {@code last}, oldest first, zero for a month without orders. */
    public Map<YearMonth, BigDecimal> of(String accountId, YearMonth last, int months) {
        YearMonth first = last.minusMonths(months - 1L);
        Map<YearMonth, BigDecimal> out = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.put(m, BigDecimal.ZERO);
        }
        EntityManager em = emf.createEntityManager();
        try {
            for (Object[] row : em.createQuery("select r.businessDate, sum(l.quantity) from AccountEventRecord r join r.lines l "
                            + "where r.accountId = :a and r.messageType = 'ORDERS' and r.businessDate >= :from and r.businessDate <= :to "
                            + "group by r.businessDate", Object[].class)
                    .setParameter("a", accountId).setParameter("from", first.atDay(1)).setParameter("to", last.atEndOfMonth())
                    .getResultList()) {
                if (row[1] != null) {
                    out.merge(YearMonth.from((LocalDate) row[0]), (BigDecimal) row[1], BigDecimal::add);
                }
            }
        } finally {
            em.close();
        }
        return out;
    }
}
