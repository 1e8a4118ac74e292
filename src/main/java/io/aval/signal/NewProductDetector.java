package io.aval.signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** First order of a product by the account, after its learning period: a cross-sell follow-up. */
public final class NewProductDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.NEW_PRODUCT;
    }

    @Override
    public List<Signal> onEvent(AccountEvent event, AccountHistory history, SignalSettings settings) {
        if (!event.isOrder() || history.learning(event.businessDate(), settings.learning)) {
            return List.of();
        }
        List<Signal> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (AccountEvent.Line l : event.lines()) {
            String p = l.productId();
            if (p == null || !done.add(p) || history.fact(AccountFact.Kind.PRODUCT, p).isPresent()) {
                continue;
            }
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("product", p);
            ev.put("description", l.description());
            ev.put("quantity", l.quantity() == null ? null : l.quantity().stripTrailingZeros().toPlainString());
            ev.put("order", event.documentNumber());
            ev.put("knownProducts", history.facts(AccountFact.Kind.PRODUCT).size());
            String summary = "First order of " + (l.description() == null ? p : l.description() + " (" + p + ")")
                    + " on " + event.documentNumber() + ": cross-sell follow-up";
            out.add(new Signal(SignalType.NEW_PRODUCT, history.accountId(), Severity.LOW, event.businessDate(),
                    DownstreamFunction.ADV, summary, ev, "NEW_PRODUCT|" + history.accountId() + "|" + p,
                    event.documentNumber(), event.journalId()));
        }
        return out;
    }
}
