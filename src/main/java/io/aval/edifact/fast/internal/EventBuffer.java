package io.aval.edifact.fast.internal;

import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * SAX events of one message, held until the message is known to be well formed: the stock reader turns a message it
 * cannot structure into a {@code BadMessage}, so nothing of a message may reach the content handler before its UNT.
 * Reused from message to message; it never grows beyond the largest message.
 */
public final class EventBuffer {
    private static final byte START = 1;
    private static final byte START_QUALIFIED = 2;
    private static final byte END = 3;
    private static final byte TEXT = 4;
    private static final byte NIL = 5;
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final AttributesImpl NIL_ATTRIBUTES = new AttributesImpl();

    static {
        NIL_ATTRIBUTES.addAttribute(XSI, "nil", "xsi:nil", "CDATA", "true");
    }
    private static final AttributesImpl NO_ATTRIBUTES = new AttributesImpl();

    private byte[] ops = new byte[1024];
    private String[] values = new String[1024];
    private static final byte END_QUALIFIED = 6;
    private int size;
    private char[] chars = new char[256];
    private String[] open = new String[64];
    private boolean[] openQualified = new boolean[64];
    private int openDepth;
    private int markDepth;

    public void clear() {
        size = 0;
    }

    public int mark() {
        markDepth = openDepth;
        return size;
    }

    /** drops the events since {@link #mark()}; the elements opened since are forgotten too */
    public void reset(int mark) {
        size = mark;
        openDepth = markDepth;
    }

    /** for undoing a speculative element: Daffodil drops an optional element whose data does not fit */
    public int position() {
        return size;
    }

    public int depth() {
        return openDepth;
    }

    public void rollback(int position, int depth) {
        size = position;
        openDepth = depth;
    }

    public void start(String localName) {
        add(START, localName);
        push(localName, false);
    }

    /** an element in the schema pack's namespace (Interchange, Message, the message type, BadMessage) */
    public void startQualified(String localName) {
        add(START_QUALIFIED, localName);
        push(localName, true);
    }

    /** closes the innermost open element, which may have been opened before a {@link #clear()} */
    public void end() {
        openDepth--;
        add(openQualified[openDepth] ? END_QUALIFIED : END, open[openDepth]);
    }

    private void push(String name, boolean qualified) {
        if (openDepth == open.length) {
            open = java.util.Arrays.copyOf(open, openDepth * 2);
            openQualified = java.util.Arrays.copyOf(openQualified, openDepth * 2);
        }
        open[openDepth] = name;
        openQualified[openDepth++] = qualified;
    }

    public void text(String value) {
        add(TEXT, value);
    }

    /** an empty repetition: the stock reader writes {@code xsi:nil="true"} (without declaring the xsi prefix) */
    public void nil(String localName) {
        add(NIL, localName);
    }

    public void leaf(String localName, String value) {
        add(START, localName);
        add(TEXT, value);
        add(END, localName);
    }

    private void add(byte op, String value) {
        if (size == ops.length) {
            ops = java.util.Arrays.copyOf(ops, size * 2);
            values = java.util.Arrays.copyOf(values, size * 2);
        }
        ops[size] = op;
        values[size++] = value;
    }

    /** plays the buffered events to the handler; qualified elements get {@code prefix:} and the namespace */
    public void replay(ContentHandler handler, String namespace, String prefix) throws SAXException {
        for (int i = 0; i < size; i++) {
            String n = values[i];
            switch (ops[i]) {
                case START:
                    handler.startElement("", n, n, NO_ATTRIBUTES);
                    break;
                case START_QUALIFIED:
                    handler.startElement(namespace, n, prefix + ":" + n, NO_ATTRIBUTES);
                    break;
                case END:
                    handler.endElement("", n, n);
                    break;
                case END_QUALIFIED:
                    handler.endElement(namespace, n, prefix + ":" + n);
                    break;
                case NIL:
                    handler.startElement("", n, n, NIL_ATTRIBUTES);
                    handler.endElement("", n, n);
                    break;
                case TEXT: {
                    // an empty value still gets its (empty) characters event: Smooks then writes <E></E>, as for the stock reader
                    int len = n.length();
                    if (chars.length < len) {
                        chars = new char[Math.max(len, chars.length * 2)];
                    }
                    n.getChars(0, len, chars, 0);
                    handler.characters(chars, 0, len);
                    break;
                }
                default:
                    throw new IllegalStateException();
            }
        }
    }
}
