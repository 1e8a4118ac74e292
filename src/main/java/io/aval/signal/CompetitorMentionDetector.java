package io.aval.signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aval.signal.internal.TextMatcher;

/**
 * A configured competitor name in any free text (FTX) of any message, accent- and case-insensitive and
 * on word boundaries. Credited to LOGISTICS when the text travels with goods (DESADV, RECADV), else SAV.
 */
public final class CompetitorMentionDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.COMPETITOR_MENTION;
    }

    @Override
    public List<Signal> onEvent(AccountEvent event, AccountHistory history, SignalSettings settings) {
        if (event.freeTexts().isEmpty() || settings.competitors.isEmpty()) {
            return List.of();
        }
        DownstreamFunction function = "DESADV".equals(event.messageType()) || "RECADV".equals(event.messageType())
                ? DownstreamFunction.LOGISTICS : DownstreamFunction.SAV;
        List<Signal> out = new ArrayList<>();
        for (String competitor : settings.competitors) {
            for (String text : event.freeTexts()) {
                if (!TextMatcher.mentions(text, competitor)) {
                    continue;
                }
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("competitor", competitor);
                ev.put("text", text);
                ev.put("document", event.documentNumber());
                ev.put("messageType", event.messageType());
                String summary = "Competitor " + competitor + " mentioned on " + event.messageType() + " "
                        + event.documentNumber() + ": \"" + text + "\"";
                out.add(new Signal(SignalType.COMPETITOR_MENTION, history.accountId(), Severity.HIGH, event.businessDate(),
                        function, summary, ev, "COMPETITOR_MENTION|" + history.accountId() + "|" + event.messageType()
                        + "|" + event.documentNumber() + "|" + TextMatcher.normalise(competitor),
                        event.documentNumber(), event.journalId()));
                break;
            }
        }
        return out;
    }
}
