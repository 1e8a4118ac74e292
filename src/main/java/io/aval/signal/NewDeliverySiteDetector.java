package io.aval.signal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A delivery party (DP, else ST) never seen for the account, on an order or a despatch advice, after the
 * account's learning period: a new plant or warehouse, i.e. a lead. A site that comes back after a long
 * pause is known, not new.
 */
public final class NewDeliverySiteDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.NEW_DELIVERY_SITE;
    }

    @Override
    public List<Signal> onEvent(AccountEvent event, AccountHistory history, SignalSettings settings) {
        if (!event.isOrder() && !"DESADV".equals(event.messageType())) {
            return List.of();
        }
        AccountEvent.Party site = event.deliveryParty().orElse(null);
        if (site == null || site.siteKey() == null
                || history.fact(AccountFact.Kind.SITE, site.siteKey()).isPresent()
                || history.learning(event.businessDate(), settings.learning)) {
            return List.of();
        }
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("site", site.siteKey());
        ev.put("name", site.name());
        ev.put("address", address(site));
        ev.put("document", event.documentNumber());
        ev.put("knownSites", history.facts(AccountFact.Kind.SITE).size());
        String summary = "New delivery site " + label(site) + " on " + event.messageType() + " " + event.documentNumber()
                + " (the account had " + history.facts(AccountFact.Kind.SITE).size() + " known sites): a new plant or warehouse?";
        return List.of(new Signal(SignalType.NEW_DELIVERY_SITE, history.accountId(), Severity.HIGH, event.businessDate(),
                DownstreamFunction.LOGISTICS, summary, ev, "NEW_DELIVERY_SITE|" + history.accountId() + "|" + site.siteKey(),
                event.documentNumber(), event.journalId()));
    }

    static String label(AccountEvent.Party p) {
        StringBuilder sb = new StringBuilder();
        if (p.name() != null) {
            sb.append(p.name());
        } else if (p.id() != null) {
            sb.append(p.id());
        }
        String addr = address(p);
        if (!addr.isEmpty()) {
            sb.append(" (").append(addr).append(')');
        }
        return sb.toString();
    }

    static String address(AccountEvent.Party p) {
        return String.join(", ", java.util.stream.Stream.of(p.street(), p.postcode(), p.city(), p.country())
                .filter(x -> x != null && !x.isBlank()).toList());
    }
}
