package io.aval.edifact.fast;

import io.aval.edifact.fast.internal.InterchangeCharset;
import io.aval.edifact.fast.internal.SegmentXmlWriter;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes XML in the stock {@code edifact:parser} shape as EDIFACT, byte for byte what the stock
 * {@code edifact:unparser} writes (segments each followed by CR LF, as Daffodil lays them out), without Daffodil.
 * Thread-safe: every call has its own state. For Smooks configs see {@link AvalEdifactUnparser}.
 */
public final class AvalEdifactWriter {

    /** how to write */
    public static final class Options {
        private String lineBreak = "\r\n";
        private String charset;

        public static Options stock() {
            return new Options();
        }

        /** the text after each segment terminator: CR LF like the stock writer, or "" for one long line */
        public Options lineBreak(String lineBreak) {
            this.lineBreak = lineBreak;
            return this;
        }

        /** a fixed charset; by default the one the UNB syntax identifier declares (UNOC: ISO-8859-1, UNOY: UTF-8) */
        public Options charset(String charset) {
            this.charset = charset;
            return this;
        }

        public String lineBreak() {
            return lineBreak;
        }
    }

    private static final SAXParserFactory SAX = SAXParserFactory.newInstance();

    static {
        SAX.setNamespaceAware(true);
    }

    private AvalEdifactWriter() {
    }

    public static void write(Document xml, OutputStream out, Options options) {
        write(new DOMSource(xml), out, options);
    }

    /** a DOMSource, StreamSource or SAXSource holding one interchange */
    public static void write(Source xml, OutputStream out, Options options) {
        InterchangeCharset.Output target = new InterchangeCharset.Output(out, options.charset);
        SegmentXmlWriter writer = new SegmentXmlWriter(target, options.lineBreak);
        try {
            if (xml instanceof DOMSource) {
                Node n = ((DOMSource) xml).getNode();
                Element root = n instanceof Document ? ((Document) n).getDocumentElement() : (Element) n;
                walk(root, writer);
            } else {
                XMLReader reader;
                InputSource input;
                if (xml instanceof SAXSource && ((SAXSource) xml).getXMLReader() != null) {
                    reader = ((SAXSource) xml).getXMLReader();
                    input = ((SAXSource) xml).getInputSource();
                } else {
                    reader = SAX.newSAXParser().getXMLReader();
                    input = xml instanceof SAXSource ? ((SAXSource) xml).getInputSource() : toInputSource((StreamSource) xml);
                }
                reader.setContentHandler(new Handler(writer));
                reader.parse(input);
            }
            target.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException | ParserConfigurationException e) {
            Throwable cause = e instanceof SAXException && ((SAXException) e).getException() != null ? ((SAXException) e).getException() : e;
            if (cause instanceof EdifactWriteException) {
                throw (EdifactWriteException) cause;
            }
            throw new EdifactWriteException("cannot read the XML: " + e.getMessage(), e);
        }
    }

    /**
     * writes to a character stream (the charset is then the stream's business); a SAXSource with an XMLReader is read
     * with that reader
     */
    public static void write(Source xml, Writer out, Options options) {
        SegmentXmlWriter writer = new SegmentXmlWriter(out, options.lineBreak);
        try {
            if (xml instanceof DOMSource) {
                Node n = ((DOMSource) xml).getNode();
                walk(n instanceof Document ? ((Document) n).getDocumentElement() : (Element) n, writer);
            } else {
                boolean given = xml instanceof SAXSource && ((SAXSource) xml).getXMLReader() != null;
                XMLReader reader = given ? ((SAXSource) xml).getXMLReader() : SAX.newSAXParser().getXMLReader();
                reader.setContentHandler(new Handler(writer));
                reader.parse(xml instanceof SAXSource ? ((SAXSource) xml).getInputSource() : toInputSource((StreamSource) xml));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException | ParserConfigurationException e) {
            Throwable cause = e instanceof SAXException && ((SAXException) e).getException() != null ? ((SAXException) e).getException() : e;
            if (cause instanceof EdifactWriteException) {
                throw (EdifactWriteException) cause;
            }
            throw new EdifactWriteException("cannot read the XML: " + e.getMessage(), e);
        }
    }

    private static InputSource toInputSource(StreamSource s) {
        InputSource in = s.getInputStream() != null ? new InputSource(s.getInputStream())
                : s.getReader() != null ? new InputSource(s.getReader()) : new InputSource(s.getSystemId());
        in.setSystemId(s.getSystemId());
        return in;
    }

    static void walk(Element e, SegmentXmlWriter writer) throws IOException {
        writer.startElement(e.getNamespaceURI(), localName(e), isNil(e));
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                walk((Element) c, writer);
            } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                writer.characters(c.getNodeValue());
            }
        }
        writer.endElement(localName(e));
    }

    static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
    }

    static boolean isNil(Element e) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if ("nil".equals(a.getLocalName()) || "xsi:nil".equals(a.getName())) {
                return "true".equals(a.getValue());
            }
        }
        return false;
    }

    private static final class Handler extends DefaultHandler {
        private final SegmentXmlWriter writer;

        Handler(SegmentXmlWriter writer) {
            this.writer = writer;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            boolean nil = false;
            for (int i = 0; i < atts.getLength(); i++) {
                if ("nil".equals(atts.getLocalName(i)) || "xsi:nil".equals(atts.getQName(i))) {
                    nil = "true".equals(atts.getValue(i));
                }
            }
            writer.startElement(uri, localName.isEmpty() ? qName : localName, nil);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            writer.characters(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            try {
                writer.endElement(localName.isEmpty() ? qName : localName);
            } catch (IOException e) {
                throw new SAXException(e);
            }
        }
    }
}
