package org.resourcesharing.iso18626;

import static org.resourcesharing.iso18626.Iso18626Codec.NAMESPACE;
import static org.resourcesharing.iso18626.Iso18626Codec.VERSION;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Repairs the harmless ways real peers deviate from v1.2 (older versions without
 * {@code multipleItemRequestId}, empty optional elements, extensions in their own namespace), so
 * that a message is refused only for problems that matter. Only what cannot change the meaning of
 * a message is repaired: an element the schema requires is never removed.
 */
final class TolerantNormaliser {

    /** Elements that follow {@code multipleItemRequestId} in a header, in schema order. */
    private static final Set<String> AFTER_MULTIPLE_ITEM_REQUEST_ID = Set.of(
            "timestamp", "requestingAgencyRequestId", "supplyingAgencyRequestId", "requestingAgencyAuthentication");

    private final Set<String> requiredElementNames;

    private TolerantNormaliser(Set<String> requiredElementNames) {
        this.requiredElementNames = requiredElementNames;
    }

    /** Learns from the schema itself which elements are required somewhere, so removal never breaks one. */
    static TolerantNormaliser fromSchema(Document xsd) {
        Set<String> required = new HashSet<>();
        NodeList particles = xsd.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "element");
        for (int i = 0; i < particles.getLength(); i++) {
            Element particle = (Element) particles.item(i);
            boolean global = "schema".equals(particle.getParentNode().getLocalName());
            if (!global && !"0".equals(particle.getAttribute("minOccurs"))) {
                String name = particle.hasAttribute("ref") ? particle.getAttribute("ref") : particle.getAttribute("name");
                required.add(name.substring(name.indexOf(':') + 1));
            }
        }
        return new TolerantNormaliser(Set.copyOf(required));
    }

    /** The version the peer declared: {@code ill:version}, else an unqualified {@code version}, else {@code null}. */
    static String declaredVersion(Element root) {
        if (root.hasAttributeNS(NAMESPACE, "version")) {
            return root.getAttributeNS(NAMESPACE, "version");
        }
        return root.hasAttributeNS(null, "version") ? root.getAttributeNS(null, "version") : null;
    }

    /** Repairs the document in place and describes each repair; an empty list means nothing needed repair. */
    List<String> normalise(Document document) {
        List<String> applied = new ArrayList<>();
        Element root = document.getDocumentElement();
        removeExtensions(root, applied);
        removeEmptyOptionalElements(root, applied);
        insertMissingMultipleItemRequestIds(document, applied);
        setVersion(root, applied);
        return applied;
    }

    private static void removeExtensions(Element parent, List<String> applied) {
        for (Element child : childElements(parent)) {
            String namespace = child.getNamespaceURI();
            if (namespace != null && !NAMESPACE.equals(namespace)) {
                parent.removeChild(child);
                applied.add("extension element {" + namespace + "}" + child.getLocalName() + " removed");
            } else {
                removeExtensions(child, applied);
            }
        }
    }

    /** Children first, so that a parent left empty by its children's removal is removed too. */
    private void removeEmptyOptionalElements(Element parent, List<String> applied) {
        for (Element child : childElements(parent)) {
            removeEmptyOptionalElements(child, applied);
            if (NAMESPACE.equals(child.getNamespaceURI()) && isEmpty(child)
                    && !requiredElementNames.contains(child.getLocalName())) {
                parent.removeChild(child);
                applied.add("empty element " + child.getLocalName() + " removed");
            }
        }
    }

    private static void insertMissingMultipleItemRequestIds(Document document, List<String> applied) {
        NodeList headers = document.getElementsByTagNameNS(NAMESPACE, "header");
        for (int i = 0; i < headers.getLength(); i++) {
            Element header = (Element) headers.item(i);
            List<Element> children = childElements(header);
            if (children.stream().noneMatch(child -> "multipleItemRequestId".equals(child.getLocalName()))) {
                Element following = children.stream()
                        .filter(child -> AFTER_MULTIPLE_ITEM_REQUEST_ID.contains(child.getLocalName()))
                        .findFirst().orElse(null);
                header.insertBefore(document.createElementNS(NAMESPACE, qualified(header, "multipleItemRequestId")), following);
                applied.add("empty multipleItemRequestId inserted in header (required since version 1.2)");
            }
        }
    }

    private static void setVersion(Element root, List<String> applied) {
        String declared = declaredVersion(root);
        boolean unqualified = root.hasAttributeNS(null, "version");
        if (unqualified || !VERSION.equals(root.getAttributeNS(NAMESPACE, "version"))) {
            root.removeAttributeNS(null, "version");
            String prefix = NAMESPACE.equals(root.getNamespaceURI()) && root.getPrefix() != null ? root.getPrefix() : "ill";
            root.setAttributeNS(NAMESPACE, prefix + ":version", VERSION);
            applied.add((declared == null ? "missing version" : "version \"" + declared + "\"")
                    + (unqualified ? " (attribute without namespace)" : "") + " read as " + VERSION);
        }
    }

    private static boolean isEmpty(Element element) {
        return childElements(element).isEmpty() && element.getTextContent().isBlank() && !hasDataAttributes(element);
    }

    /** Namespace declarations are not data. */
    private static boolean hasDataAttributes(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(((Attr) attributes.item(i)).getNamespaceURI())) {
                return true;
            }
        }
        return false;
    }

    /** A new element takes the prefix the peer already uses for its parent. */
    private static String qualified(Element parent, String localName) {
        return parent.getPrefix() == null ? localName : parent.getPrefix() + ":" + localName;
    }

    static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }
}
