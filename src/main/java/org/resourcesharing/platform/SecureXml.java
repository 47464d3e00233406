package org.resourcesharing.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML factories configured so that a message can never make us read files, fetch URLs or expand
 * entities (XXE, billion laughs). The JDK's own implementations are used on purpose: their
 * security features are known, whatever other parsers sit on the classpath.
 */
public final class SecureXml {

    /** Errors end the parse as exceptions, instead of the JDK default of printing them to stderr first. */
    private static final ErrorHandler THROW_ERRORS = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /**
     * Each thread keeps its parser and its serialiser, reset before each use: creating them, factory and all, was a
     * fifth of reading or writing an ISO 18626 message. (Neither is thread-safe; the engine's and the web server's
     * threads are pooled, so there are a few dozen at most.)
     */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(SecureXml::newDocumentBuilder);
    private static final ThreadLocal<Transformer> TRANSFORMERS = ThreadLocal.withInitial(SecureXml::newTransformer);

    private SecureXml() {
    }

    /** Parses namespace-aware, refusing any DOCTYPE; parse errors are thrown, never printed. */
    public static Document parse(byte[] xml) throws SAXException {
        try {
            return builder().parse(new ByteArrayInputStream(xml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Document parse(URL resource) {
        try (var in = resource.openStream()) {
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    public static Document newDocument() {
        return builder().newDocument();
    }

    public static Schema schema(URL xsd) {
        try (var in = xsd.openStream()) {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setErrorHandler(THROW_ERRORS);
            return factory.newSchema(new StreamSource(in, xsd.toExternalForm()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot compile schema " + xsd, e);
        }
    }

    public static Validator validator(Schema schema) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("XML validator lacks a required security feature", e);
        }
        return validator;
    }

    /** Indented UTF-8 text; the declaration is written by hand because the JDK puts the root element on its line. */
    public static String serialise(Document document) {
        Transformer transformer = TRANSFORMERS.get();
        transformer.reset();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        StringWriter out = new StringWriter().append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        try {
            transformer.transform(new DOMSource(document), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise XML", e);
        }
        return out.toString();
    }

    /** This thread's parser, as new: whatever the last parse left behind is gone, and errors are thrown. */
    private static DocumentBuilder builder() {
        DocumentBuilder builder = BUILDERS.get();
        builder.reset();
        builder.setErrorHandler(THROW_ERRORS);
        return builder;
    }

    private static Transformer newTransformer() {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            return factory.newTransformer();
        } catch (TransformerException e) {
            throw new IllegalStateException("XML serialiser lacks a required security feature", e);
        }
    }

    private static DocumentBuilder newDocumentBuilder() {
        try {
            return documentBuilderFactory().newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a required security feature", e);
        }
    }

    private static DocumentBuilderFactory documentBuilderFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }
}
