package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Shim of KNIME's {@code XMLConfig}: reads and writes a config tree in KNIME's XMLConfig format
 * ({@code <config xmlns="http://www.knime.org/2008/09/XMLConfig" key=..>} with nested {@code config} and
 * {@code entry key type value [isnull]} elements), the format of settings.xml and workflow.knime.
 */
public final class XMLConfig {
    /** KNIME's XMLConfig namespace. */
    private static final String NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";

    private XMLConfig() {
    }

    /**
     * Writes {@code config} as XML and closes {@code os}, as KNIME does.
     *
     * @throws IOException if writing fails
     */
    public static void save(final ConfigBase config, final OutputStream os) throws IOException {
        try (os) {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = doc.createElementNS(NAMESPACE, "config");
            root.setAttribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
            root.setAttribute("xsi:schemaLocation", NAMESPACE + " http://www.knime.org/XMLConfig_2008_09.xsd");
            root.setAttribute("key", config.getKey());
            doc.appendChild(root);
            write(doc, root, config);
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.transform(new DOMSource(doc), new StreamResult(os));
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("Cannot write XML config: " + e.getMessage(), e);
        }
    }

    private static void write(final Document doc, final Element el, final ConfigBase config) {
        for (String key : config.keySet()) {
            String type = config.entryType(key);
            if (type != null) {
                String value = config.entryValue(key);
                Element x = doc.createElementNS(NAMESPACE, "entry");
                x.setAttribute("key", key);
                x.setAttribute("type", type);
                if (value == null) {
                    x.setAttribute("isnull", "true");
                    x.setAttribute("value", "");
                } else {
                    x.setAttribute("value", value);
                }
                el.appendChild(x);
            } else {
                Element x = doc.createElementNS(NAMESPACE, "config");
                x.setAttribute("key", key);
                el.appendChild(x);
                write(doc, x, config.childConfig(key));
            }
        }
    }

    /**
     * Reads the entries of the XML config on {@code in} into {@code c}, whose key becomes the root element's key.
     *
     * @throws SAXException if the stream is not well-formed XML
     * @throws IOException if it cannot be read or is not a KNIME XML config
     * @throws ParserConfigurationException if no XML parser can be configured
     */
    public static void load(final ConfigBase c, final InputStream in)
        throws SAXException, IOException, ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(in);
        Element root = doc.getDocumentElement();
        if (!"config".equals(root.getLocalName())) {
            throw new IOException("Not a KNIME XML config: root element is <" + root.getTagName() + ">");
        }
        c.setKey(root.getAttribute("key"));
        read(root, c);
    }

    private static void read(final Element el, final ConfigBase config) throws IOException {
        for (Node n = el.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element x)) {
                continue;
            }
            String key = x.getAttribute("key");
            if ("entry".equals(x.getLocalName())) {
                boolean isNull = "true".equals(x.getAttribute("isnull"));
                config.put(key, x.getAttribute("type"), isNull ? null : x.getAttribute("value"));
            } else if ("config".equals(x.getLocalName())) {
                read(x, config.addConfigBase(key));
            } else {
                throw new IOException("Unexpected element <" + x.getTagName() + "> in XML config");
            }
        }
    }
}
