package io.aval.signal;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Credit notes (INVOIC with BGM 381), receipt discrepancies (RECADV with QVR, or received below
 * despatched) and remittance deductions (REMADV with AJT adjustments). HIGH when credit notes pile up
 * ({@code high-count} within {@code high-window-days}).
 */
public final class DisputeDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.DISPUTE;
    }

    @Override
    public List<Signal> onEvent(AccountEvent event, AccountHistory history, SignalSettings settings) {
        String type = event.messageType();
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("document", event.documentNumber());
        ev.put("messageType", type);
        String summary;
        Severity severity = Severity.MEDIUM;
        if ("INVOIC".equals(type) && "381".equals(event.documentCode())) {
            int recent = 1;
            for (AccountEvent e : history.events()) {
                if ("INVOIC".equals(e.messageType()) && "381".equals(e.documentCode())
                        && ChronoUnit.DAYS.between(e.businessDate(), event.businessDate()) <= settings.dispute.highWindowDays) {
                    recent++;
                }
            }
            BigDecimal amount = event.totals().getOrDefault("77", event.totals().getOrDefault("79", event.linesValue()));
            ev.put("amount", amount == null ? null : amount.stripTrailingZeros().toPlainString());
            event.reference("IV").ifPresent(iv -> ev.put("creditedInvoice", iv));
            ev.put("creditNotesInWindow", recent);
            ev.put("windowDays", settings.dispute.highWindowDays);
            if (!event.freeTexts().isEmpty()) {
                ev.put("reason", String.join(" / ", event.freeTexts()));
            }
            if (recent >= settings.dispute.highCount) {
                severity = Severity.HIGH;
            }
            summary = "Credit note " + event.documentNumber() + (amount == null ? "" : " for " + amount.stripTrailingZeros().toPlainString())
                    + event.reference("IV").map(iv -> " on invoice " + iv).orElse("")
                    + " (" + recent + " in " + settings.dispute.highWindowDays + " days)"
                    + (event.freeTexts().isEmpty() ? "" : ": " + event.freeTexts().get(0));
        } else if ("RECADV".equals(type)) {
            List<String> shortLines = new ArrayList<>();
            for (AccountEvent.Line l : event.lines()) {
                BigDecimal received = l.quantities().getOrDefault("194", l.quantities().get("48"));
                BigDecimal despatched = l.quantities().get("12");
                if (received != null && despatched != null && received.compareTo(despatched) < 0) {
                    shortLines.add(l.productId() + " received " + received.stripTrailingZeros().toPlainString()
                            + " of " + despatched.stripTrailingZeros().toPlainString());
                }
            }
            if (event.discrepancies().isEmpty() && shortLines.isEmpty()) {
                return List.of();
            }
            ev.put("discrepancies", event.discrepancies());
            ev.put("lines", shortLines);
            event.reference("DQ").or(() -> event.reference("AAK")).ifPresent(d -> ev.put("despatch", d));
            summary = "Receipt discrepancy reported on " + event.documentNumber()
                    + (shortLines.isEmpty() ? "" : ": " + String.join("; ", shortLines));
        } else if ("REMADV".equals(type)) {
            if (event.discrepancies().isEmpty()) {
                return List.of();
            }
            ev.put("adjustments", event.discrepancies());
            summary = "Remittance " + event.documentNumber() + " deducts from payment (" + String.join(", ", event.discrepancies()) + ")";
        } else {
            return List.of();
        }
        return List.of(new Signal(SignalType.DISPUTE, history.accountId(), severity, event.businessDate(),
                DownstreamFunction.SAV, summary, ev, "DISPUTE|" + history.accountId() + "|" + type + "|" + event.documentNumber(),
                event.documentNumber(), event.journalId()));
    }
}
