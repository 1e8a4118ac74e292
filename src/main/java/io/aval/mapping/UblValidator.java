package io.aval.mapping;

import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates UBL 2.1 documents against the OASIS schemas shipped in ph-ubl21. Each schema is
 * compiled once; each thread keeps its own Validator per document type (they are not thread-safe).
 */
public final class UblValidator {

    private static final String MAINDOC = "external/schemas/ubl21/maindoc/UBL-%s-2.1.xsd";

    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    /** Validators and document readers are not thread-safe, but can be reused one call after another: one set per thread. */
    private final ThreadLocal<Map<String, Validator>> validators = ThreadLocal.withInitial(java.util.HashMap::new);
    private static final ThreadLocal<org.xml.sax.XMLReader> READER = ThreadLocal.withInitial(() -> {
        try {
            return refusingDoctype();
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("no XML reader refusing DOCTYPE: " + e.getMessage(), e);
        }
    });

    /** One thread's schema-validating SAX handler per document type, used one document after another. */
    private final ThreadLocal<Map<String, javax.xml.validation.ValidatorHandler>> handlers = ThreadLocal.withInitial(java.util.HashMap::new);

    /**
     * Validation of one document fed as SAX events ({@link #check}): send the document to
     * {@link #handler()}, then read {@link #errors()}.
     */
    public final class Check {
        private final String documentType;
        private final javax.xml.validation.ValidatorHandler handler;
        private final List<String> errors;

        private Check(String documentType, javax.xml.validation.ValidatorHandler handler, List<String> errors) {
            this.documentType = documentType;
            this.handler = handler;
            this.errors = errors;
        }

        public org.xml.sax.ContentHandler handler() {
            return handler;
        }

        /** What the schema found wrong, as "element …: message" (SAX events carry no line numbers). */
        public List<String> errors() {
            return errors;
        }

        /** After a document that did not end normally: this thread gets a new handler next time. */
        public void discard() {
            handlers.get().remove(documentType, handler);
        }
    }

    /** A validation of one {@code documentType} document fed as SAX events, on this thread's handler. */
    public Check check(String documentType) {
        Schema schema = schemas.computeIfAbsent(documentType, UblValidator::load);
        javax.xml.validation.ValidatorHandler handler = handlers.get().computeIfAbsent(documentType, t -> {
            javax.xml.validation.ValidatorHandler h = schema.newValidatorHandler();
            try {
                h.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                h.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            } catch (SAXException e) {
                throw new IllegalStateException("schema validator without external access: " + e.getMessage(), e);
            }
            return h;
        });
        List<String> errors = new ArrayList<>();
        handler.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getMessage());
            }
        });
        return new Check(documentType, handler, errors);
    }

    /** Errors found in {@code xml} as a document of type {@code documentType} ("Order", "Invoice", …); empty when valid. */
    public List<String> errors(String xml, String documentType) {
        Schema schema = schemas.computeIfAbsent(documentType, UblValidator::load);
        // reused as it is: Validator.reset() leaves the JDK's validator unusable (a NullPointerException in its security manager)
        Validator validator = validators.get().computeIfAbsent(documentType, t -> schema.newValidator());
        List<String> errors = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new javax.xml.transform.sax.SAXSource(READER.get(), new org.xml.sax.InputSource(new StringReader(xml))));
        } catch (SAXException | java.io.IOException e) {
            if (errors.isEmpty()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    /**
     * The document is read by a parser that refuses any DOCTYPE: no entity is ever expanded (billion
     * laughs) and no external file or URL is read (XXE), whatever reaches the validator.
     */
    private static org.xml.sax.XMLReader refusingDoctype() throws SAXException, javax.xml.parsers.ParserConfigurationException {
        javax.xml.parsers.SAXParserFactory factory = javax.xml.parsers.SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newSAXParser().getXMLReader();
    }

    /** Throws {@link MessageRejectedException} naming the first errors when the document is invalid. */
    public String validate(String xml, String documentType) {
        List<String> errors = errors(xml, documentType);
        if (!errors.isEmpty()) {
            throw new MessageRejectedException("mapped UBL " + documentType + " is not valid UBL 2.1: "
                    + String.join("; ", errors.subList(0, Math.min(3, errors.size())))
                    + (errors.size() > 3 ? " (+" + (errors.size() - 3) + " more)" : ""));
        }
        return xml;
    }

    private static Schema load(String documentType) {
        ClassLoader loader = UblValidator.class.getClassLoader();
        URL xsd = loader.getResource(String.format(MAINDOC, documentType));
        if (xsd == null) {
            throw new IllegalArgumentException("No UBL 2.1 schema for document type " + documentType);
        }
        try {
            // The JDK's own factory: Smooks ships a relocated Xerces that would otherwise be picked up.
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            // UBL imports CCTS, XML-DSig and XAdES by namespace only: ph-ubl lists the schemas it needs.
            List<javax.xml.transform.Source> sources = new ArrayList<>();
            for (var base : com.helger.ubl21.UBL21Marshaller.getAllBaseXSDs()) {
                sources.add(new StreamSource(base.getAsURL().toExternalForm()));
            }
            sources.add(new StreamSource(xsd.toExternalForm()));
            return factory.newSchema(sources.toArray(javax.xml.transform.Source[]::new));
        } catch (SAXException e) {
            throw new IllegalStateException("Cannot load UBL schema " + xsd + ": " + e.getMessage(), e);
        }
    }
}
