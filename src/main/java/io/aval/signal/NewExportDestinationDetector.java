package io.aval.signal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A delivery country never seen for the account, after its learning period. */
public final class NewExportDestinationDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.NEW_EXPORT_DESTINATION;
    }

    @Override
    public List<Signal> onEvent(AccountEvent event, AccountHistory history, SignalSettings settings) {
        if (!event.isOrder() && !"DESADV".equals(event.messageType())) {
            return List.of();
        }
        AccountEvent.Party site = event.deliveryParty().orElse(null);
        if (site == null || site.country() == null) {
            return List.of();
        }
        String country = site.country().trim().toUpperCase();
        Map<String, AccountFact> known = history.facts(AccountFact.Kind.COUNTRY);
        if (known.isEmpty() || known.containsKey(country) || history.learning(event.businessDate(), settings.learning)) {
            return List.of();
        }
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("country", country);
        ev.put("knownCountries", new TreeSet<>(known.keySet()));
        ev.put("site", NewDeliverySiteDetector.label(site));
        ev.put("document", event.documentNumber());
        String summary = "First delivery to " + country + " (" + NewDeliverySiteDetector.label(site) + ") on "
                + event.messageType() + " " + event.documentNumber() + "; until now only " + String.join(", ", new TreeSet<>(known.keySet()));
        return List.of(new Signal(SignalType.NEW_EXPORT_DESTINATION, history.accountId(), Severity.HIGH,
                event.businessDate(), DownstreamFunction.LOGISTICS, summary, ev,
                "NEW_EXPORT_DESTINATION|" + history.accountId() + "|" + country, event.documentNumber(), event.journalId()));
    }
}
