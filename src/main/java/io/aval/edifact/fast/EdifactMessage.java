package io.aval.edifact.fast;

/**
 * One UNH..UNT message of an interchange as its own XML document: the {@code <D96A:Message>} element (UNH, the
 * message, UNT) exactly as it appears inside the stock reader's interchange XML, with the namespace declared on it.
 */
public final class EdifactMessage {
    private final int index;
    private final String type;
    private final String reference;
    private final String interchangeReference;
    private final int segmentPosition;
    private final String xml;

    EdifactMessage(int index, String type, String reference, String interchangeReference, int segmentPosition, String xml) {
        this.index = index;
        this.type = type;
        this.reference = reference;
        this.interchangeReference = interchangeReference;
        this.segmentPosition = segmentPosition;
        this.xml = xml;
    }

    /** 0-based position of the message in the interchange */
    public int index() {
        return index;
    }

    /** UNH S009/E0065, e.g. ORDERS */
    public String type() {
        return type;
    }

    /** UNH E0062, the message reference number */
    public String reference() {
        return reference;
    }

    /** UNB E0020, the interchange control reference */
    public String interchangeReference() {
        return interchangeReference;
    }

    /** position of the UNH segment in the interchange (1-based, UNA not counted) */
    public int segmentPosition() {
        return segmentPosition;
    }

    public String xml() {
        return xml;
    }

    @Override
    public String toString() {
        return type + " " + reference + " of interchange " + interchangeReference;
    }
}
