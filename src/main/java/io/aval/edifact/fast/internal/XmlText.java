package io.aval.edifact.fast.internal;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A minimal SAX-to-text serialiser for the reader's own events (no mixed content, no comments): much cheaper than a
 * JAXP identity transform, and it writes what Smooks writes (empty element with text event: {@code <E></E>}).
 */
public final class XmlText extends DefaultHandler {
    private final StringBuilder out;
    private String pendingPrefix;
    private String pendingUri;
    private boolean open;

    public XmlText(StringBuilder out) {
        this.out = out;
    }

    /** declares the namespace on the next element */
    public void declare(String prefix, String uri) {
        pendingPrefix = prefix;
        pendingUri = uri;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        closeStart();
        out.append('<').append(qName);
        if (pendingPrefix != null) {
            out.append(" xmlns:").append(pendingPrefix).append("=\"").append(pendingUri).append('"');
            pendingPrefix = null;
        }
        for (int i = 0; i < atts.getLength(); i++) {
            out.append(' ').append(atts.getQName(i)).append("=\"");
            escape(atts.getValue(i), true);
            out.append('"');
        }
        open = true;
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        closeStart();
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            switch (c) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                default:
                    out.append(c);
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (open) {
            out.append("/>");
            open = false;
        } else {
            out.append("</").append(qName).append('>');
        }
    }

    private void closeStart() {
        if (open) {
            out.append('>');
            open = false;
        }
    }

    private void escape(String s, boolean attr) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                out.append("&lt;");
            } else if (c == '&') {
                out.append("&amp;");
            } else if (attr && c == '"') {
                out.append("&quot;");
            } else {
                out.append(c);
            }
        }
    }
}
