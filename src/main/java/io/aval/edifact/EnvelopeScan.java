package io.aval.edifact;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The envelope checks' verdict on an interchange that may be too large to hold: the findings, the
 * header and the messages that have findings of their own ({@link #envelope}), and what the intake
 * needs to know of the others — how many, their types, the business date.
 */
public record EnvelopeScan(CheckedInterchange envelope, int messageCount, List<String> messageTypes, LocalDate businessDate) {

    /** Gets each message of a scanned interchange in order, as an interchange of its own. */
    @FunctionalInterface
    public interface Visitor {
        void message(MessageSlice slice, String standalone);
    }

    /** The scan of an interchange checked whole, handing its messages to {@code visitor} (may be null). */
    public static EnvelopeScan of(CheckedInterchange checked, Visitor visitor) {
        if (visitor != null) {
            for (MessageSlice m : checked.messages()) {
                visitor.message(m, checked.standalone(m));
            }
        }
        return new EnvelopeScan(checked, checked.messages().size(),
                checked.messages().stream().map(MessageSlice::type).distinct().toList(), checked.businessDate());
    }

    public InterchangeHeader header() {
        return envelope.header();
    }

    public List<Finding> findings() {
        return envelope.findings();
    }

    public Optional<Finding> firstFinding() {
        return envelope.firstFinding();
    }
}
