package io.aval.signal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The buyer contact (CTA under NAD+BY, or the order's only contact) differs from the one on the
 * previous order, the previous one was established ({@code min-orders-with-previous} orders) and the new
 * one was never seen: a decision-maker may be leaving. Alternating between known contacts stays quiet.
 */
public final class ContactChangeDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.CONTACT_CHANGE;
    }

    @Override
    public List<Signal> onEvent(AccountEvent event, AccountHistory history, SignalSettings settings) {
        if (!event.isOrder()) {
            return List.of();
        }
        AccountEvent.Contact now = buyerContact(event).orElse(null);
        if (now == null || now.key() == null || history.learning(event.businessDate(), settings.learning)
                || history.fact(AccountFact.Kind.CONTACT, now.key()).isPresent()) {
            return List.of();
        }
        AccountEvent.Contact before = null;
        AccountEvent previousOrder = null;
        for (int i = history.orders().size() - 1; i >= 0 && before == null; i--) {
            before = buyerContact(history.orders().get(i)).orElse(null);
            previousOrder = history.orders().get(i);
        }
        if (before == null || before.key() == null) {
            return List.of();
        }
        AccountFact established = history.fact(AccountFact.Kind.CONTACT, before.key()).orElse(null);
        if (established == null || established.timesSeen() < settings.contactChange.minOrdersWithPrevious) {
            return List.of();
        }
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("previousContact", before.name());
        ev.put("previousCommunications", before.communications());
        ev.put("previousSince", established.firstSeen().toString());
        ev.put("previousOrders", established.timesSeen());
        ev.put("previousLastOrder", previousOrder.documentNumber());
        ev.put("newContact", now.name());
        ev.put("newCommunications", now.communications());
        ev.put("order", event.documentNumber());
        String summary = "Buyer contact changed on " + event.documentNumber() + ": " + display(now) + " replaces "
                + display(before) + " (on " + established.timesSeen() + " orders since " + established.firstSeen() + ")";
        return List.of(new Signal(SignalType.CONTACT_CHANGE, history.accountId(), Severity.MEDIUM, event.businessDate(),
                DownstreamFunction.ADV, summary, ev, "CONTACT_CHANGE|" + history.accountId() + "|" + now.key(),
                event.documentNumber(), event.journalId()));
    }

    static Optional<AccountEvent.Contact> buyerContact(AccountEvent e) {
        for (AccountEvent.Contact c : e.contacts()) {
            if ("BY".equals(c.partyQualifier())) {
                return Optional.of(c);
            }
        }
        return e.contacts().size() == 1 ? Optional.of(e.contacts().get(0)) : Optional.empty();
    }

    private static String display(AccountEvent.Contact c) {
        String name = c.name() == null ? "(no name)" : c.name();
        return c.communications().isEmpty() ? name : name + " <" + c.communications().get(0) + ">";
    }
}
