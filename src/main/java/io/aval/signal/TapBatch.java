package io.aval.signal;

import java.util.List;

/**
 * What the tap queue carries for a batch of delivered messages (the messages of one interchange):
 * each message's journal id with its account event, or without one when the translation stage
 * could not extract it (the tap then reads the message from the journal).
 */
public record TapBatch(List<Item> items) {

    /** One delivered message. */
    public record Item(long messageId, AccountEvent event) {
    }

    public TapBatch {
        items = List.copyOf(items);
    }

    /** Marks the JSON of a batch apart from a single event's. */
    private static final String PREFIX = "{\"items\":";

    public String toJson() {
        return io.aval.signal.internal.Json.write(this);
    }

    /** Whether a tap queue body is a batch. */
    public static boolean isBatch(String json) {
        return json.startsWith(PREFIX);
    }

    public static TapBatch fromJson(String json) {
        return io.aval.signal.internal.Json.read(json, TapBatch.class);
    }
}
