package org.resourcesharing.iso18626;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.resourcesharing.iso18626.model.TypeErrorType.BADLY_FORMED_MESSAGE;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.resourcesharing.iso18626.model.ISO18626Message;
import org.resourcesharing.iso18626.model.TypeAction;
import org.resourcesharing.iso18626.model.TypeErrorType;
import org.resourcesharing.iso18626.model.TypeReasonForMessage;
import org.resourcesharing.platform.SecureXml;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads and writes ISO 18626 messages. Incoming messages come from peers we do not control, so
 * reading is hardened against hostile XML and tolerant of the harmless deviations real peers show;
 * outgoing messages are validated strictly against the official schema, because an invalid message
 * we send is our bug and must never leave.
 *
 * <p>Thread-safe: the JAXB context and the compiled schema are shared; parsers, validators,
 * marshallers and unmarshallers are created per call.
 */
public final class Iso18626Codec {

    public static final String NAMESPACE = "http://illtransactions.org/2013/iso18626";
    /** The version we write, and the one every accepted message is read as. */
    public static final String VERSION = "1.2";

    private static final String SCHEMA_RESOURCE = "/xsd/iso18626/ISO-18626-v1_2.xsd";
    private static final Set<String> KNOWN_VERSIONS = Set.of("1.0", "1.1", "1.2");
    private static final Set<String> ACTIONS = Arrays.stream(TypeAction.values())
            .map(TypeAction::value).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> REASONS = Arrays.stream(TypeReasonForMessage.values())
            .map(TypeReasonForMessage::value).collect(Collectors.toUnmodifiableSet());
    /** Xerces' name for the element a DOM validator is at: it lets a schema error say where it is. */
    private static final String CURRENT_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";

    private final int maxMessageBytes;
    private final JAXBContext jaxb;
    private final Schema schema;
    private final TolerantNormaliser normaliser;

    public Iso18626Codec(int maxMessageBytes) {
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
        }
        URL xsd = Objects.requireNonNull(Iso18626Codec.class.getResource(SCHEMA_RESOURCE), SCHEMA_RESOURCE);
        this.maxMessageBytes = maxMessageBytes;
        this.schema = SecureXml.schema(xsd);
        this.normaliser = TolerantNormaliser.fromSchema(SecureXml.parse(xsd));
        try {
            this.jaxb = JAXBContext.newInstance(ISO18626Message.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create the JAXB context for ISO 18626", e);
        }
    }

    /**
     * Reads a message from a peer. A message valid as sent is accepted as is; otherwise the
     * tolerated deviations are repaired and the message accepted if it is then valid.
     *
     * @throws Iso18626MessageException with the error type and value to confirm the message with
     */
    public ParsedMessage parse(byte[] xml) {
        if (xml.length > maxMessageBytes) {
            throw new Iso18626MessageException(BADLY_FORMED_MESSAGE, "message larger than " + maxMessageBytes + " bytes");
        }
        Document document = wellFormed(xml);
        Element root = document.getDocumentElement();
        if (!NAMESPACE.equals(root.getNamespaceURI()) || !"ISO18626Message".equals(root.getLocalName())) {
            throw new Iso18626MessageException(BADLY_FORMED_MESSAGE,
                    "root element must be {" + NAMESPACE + "}ISO18626Message, not {" + root.getNamespaceURI() + "}" + root.getLocalName());
        }
        rejectUnsupported(root, "requestingAgencyMessage", "action", ACTIONS, TypeErrorType.UNSUPPORTED_ACTION_TYPE);
        rejectUnsupported(root, "supplyingAgencyMessage/messageInfo", "reasonForMessage", REASONS,
                TypeErrorType.UNSUPPORTED_REASON_FOR_MESSAGE_TYPE);

        String declaredVersion = TolerantNormaliser.declaredVersion(root);
        List<String> tolerated = new ArrayList<>();
        Optional<String> schemaError = firstSchemaError(document);
        if (schemaError.isPresent()) {
            tolerated.addAll(normaliser.normalise(document));
            if (!tolerated.isEmpty()) {
                schemaError = firstSchemaError(document);
            }
        } else if (!KNOWN_VERSIONS.contains(declaredVersion)) {
            tolerated.add("unknown version \"" + declaredVersion + "\" read as " + VERSION);
        }
        if (schemaError.isPresent()) {
            throw new Iso18626MessageException(BADLY_FORMED_MESSAGE, schemaError.get());
        }
        return new ParsedMessage(unmarshal(document), declaredVersion, tolerated, new String(xml, UTF_8));
    }

    /**
     * Writes a message for a peer, declaring version 1.2 (the message's version is set).
     *
     * @throws IllegalStateException if the message is not valid against the schema: a bug on our side
     */
    public String write(ISO18626Message message) {
        message.setVersion(VERSION);
        Document document = SecureXml.newDocument();
        try {
            jaxb.createMarshaller().marshal(message, document);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot marshal ISO 18626 message: " + e, e);
        }
        firstSchemaError(document).ifPresent(error -> {
            throw new IllegalStateException("outgoing ISO 18626 message is invalid: " + error);
        });
        useIllPrefix(document.getDocumentElement());
        return SecureXml.serialise(document);
    }

    private static Document wellFormed(byte[] xml) {
        try {
            return SecureXml.parse(xml);
        } catch (SAXParseException e) {
            throw new Iso18626MessageException(BADLY_FORMED_MESSAGE,
                    "not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException e) {
            throw new Iso18626MessageException(BADLY_FORMED_MESSAGE, "not well-formed XML: " + e.getMessage());
        }
    }

    /** A code outside the schema's list is an unsupported one, which the standard reports apart from bad XML. */
    private static void rejectUnsupported(Element root, String path, String name, Set<String> supported, TypeErrorType errorType) {
        Optional<Element> parent = Optional.of(root);
        for (String step : path.split("/")) {
            parent = parent.flatMap(element -> child(element, step));
        }
        parent.flatMap(element -> child(element, name))
                .map(element -> element.getTextContent().strip())
                .filter(value -> !value.isEmpty() && !supported.contains(value))
                .ifPresent(value -> {
                    throw new Iso18626MessageException(errorType, value);
                });
    }

    private static Optional<Element> child(Element parent, String localName) {
        return TolerantNormaliser.childElements(parent).stream()
                .filter(child -> NAMESPACE.equals(child.getNamespaceURI()) && localName.equals(child.getLocalName()))
                .findFirst();
    }

    /** The first schema error, with the path of the element it is at; a DOM carries no line numbers. */
    private Optional<String> firstSchemaError(Document document) {
        Validator validator = SecureXml.validator(schema);
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw new SAXException(describe(e, currentElement(validator)));
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                error(e);
            }
        });
        try {
            validator.validate(new DOMSource(document));
            return Optional.empty();
        } catch (SAXException e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Node currentElement(Validator validator) {
        try {
            return (Node) validator.getProperty(CURRENT_ELEMENT);
        } catch (SAXException e) {
            return null;
        }
    }

    private static String describe(SAXParseException error, Node element) {
        String message = error.getMessage().strip();
        if (!(element instanceof Element)) {
            return message;
        }
        StringBuilder path = new StringBuilder();
        for (Node node = element; node instanceof Element; node = node.getParentNode()) {
            path.insert(0, "/" + node.getLocalName());
        }
        return message + " (at " + path + ")";
    }

    private ISO18626Message unmarshal(Document document) {
        try {
            return jaxb.createUnmarshaller().unmarshal(document, ISO18626Message.class).getValue();
        } catch (JAXBException e) {
            throw new IllegalStateException("a schema-valid message could not be unmarshalled: " + e, e);
        }
    }

    /** Peers and people reading logs expect the conventional {@code ill} prefix rather than JAXB's {@code ns2}. */
    private static void useIllPrefix(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            Attr attribute = (Attr) attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI()) && NAMESPACE.equals(attribute.getValue())) {
                element.removeAttributeNode(attribute);
            } else if (NAMESPACE.equals(attribute.getNamespaceURI())) {
                attribute.setPrefix("ill");
            }
        }
        if (NAMESPACE.equals(element.getNamespaceURI())) {
            element.setPrefix("ill");
        }
        if (element.getParentNode() instanceof Document) {
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ill", NAMESPACE);
        }
        TolerantNormaliser.childElements(element).forEach(Iso18626Codec::useIllPrefix);
    }
}
