package io.aval.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import jakarta.persistence.EntityManagerFactory;

/**
 * Runs EDIFACT text through the real path: Smooks EDIFACT reader (stock XML shape) → {@link AccountEventExtractor} →
 * {@link SignalEngine} on a fresh H2 database. Messages are parsed in one interchange (the stock reader
 * is faster per message that way) and fed in business-date order, ORDERS before DESADV before INVOIC on
 * the same day.
 */
final class EngineScenario implements AutoCloseable {

    final EntityManagerFactory emf = SignalTestDatabase.create();
    final SignalSettings settings;
    final SignalEngine engine;
    private final AccountEventExtractor extractor = new AccountEventExtractor();
    private final List<EdifactMessage> pending = new ArrayList<>();
    private int interchanges;

    EngineScenario() {
        this(SignalSettings.load(java.nio.file.Path.of("config/signals.yaml")));
    }

    EngineScenario(SignalSettings settings) {
        this.settings = settings;
        this.engine = new SignalEngine(emf, settings);
    }

    EngineScenario add(EdifactMessage m) {
        pending.add(m);
        return this;
    }

    /** Parses and feeds everything added so far; returns the events in the order fed. */
    List<AccountEvent> run() {
        List<AccountEvent> events = extract(pending, "T" + (++interchanges));
        pending.clear();
        for (AccountEvent e : events) {
            engine.accept(e);
        }
        return events;
    }

    List<AccountEvent> extract(List<EdifactMessage> messages, String reference) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Document doc = EdifactFixtureParser.parse(EdifactMessage.interchange("5400000000000", EdifactMessage.SUPPLIER,
                reference, messages));
        List<Element> elements = EdifactFixtureParser.messages(doc);
        if (elements.size() != messages.size()) {
            throw new IllegalStateException("parsed " + elements.size() + " of " + messages.size() + " messages");
        }
        List<AccountEvent> events = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            EdifactMessage m = messages.get(i);
            Direction dir = "ORDERS".equals(m.type) || "RECADV".equals(m.type) ? Direction.INBOUND : Direction.OUTBOUND;
            events.add(extractor.extract(elements.get(i), m.buyer, dir, reference + "/" + (i + 1)));
        }
        events.sort(Comparator.comparing(AccountEvent::businessDate).thenComparing(e -> rank(e.messageType())));
        return events;
    }

    static int rank(String type) {
        return switch (type) {
            case "ORDERS" -> 0;
            case "ORDRSP" -> 1;
            case "DESADV" -> 2;
            case "INVOIC" -> 3;
            default -> 4;
        };
    }

    void advanceTo(LocalDate date) {
        engine.advanceBusinessTime(date);
    }

    List<Signal> signals(SignalType type) {
        return engine.signals().list(null, type);
    }

    @Override
    public void close() {
        emf.close();
    }
}
