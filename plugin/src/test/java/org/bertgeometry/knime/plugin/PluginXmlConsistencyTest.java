package org.bertgeometry.knime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * plugin.xml is only read by KNIME at run time, so its mistakes surface late; this checks what KNIME relies on:
 * every node factory exists, has a public no-arg constructor and a description XML (KNIME's v5.3 namespace) with
 * an existing icon next to it; every port type's classes exist and each serializer's generic argument is exactly
 * the registered class (KNIME refuses the registration otherwise).
 */
class PluginXmlConsistencyTest {

    private static Document pluginXml() throws Exception {
        try (InputStream in = PluginXmlConsistencyTest.class.getResourceAsStream("/plugin.xml")) {
            assertNotNull(in, "plugin.xml at the bundle root");
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    private static List<Element> elements(final Document d, final String tag) {
        NodeList l = d.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            out.add((Element)l.item(i));
        }
        return out;
    }

    @Test
    void everyNodeHasFactoryDescriptionAndIcon() throws Exception {
        List<Element> nodes = elements(pluginXml(), "node");
        assertFalse(nodes.isEmpty());
        for (Element n : nodes) {
            assertEquals("/bertgeometry", n.getAttribute("category-path"));
            Class<?> f = Class.forName(n.getAttribute("factory-class"));
            assertTrue(NodeFactory.class.isAssignableFrom(f), f.getName());
            assertNotNull(f.getConstructor().newInstance());
            String xml = f.getSimpleName() + ".xml";
            try (InputStream in = f.getResourceAsStream(xml)) {
                assertNotNull(in, xml + " next to " + f.getName());
                DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
                dbf.setNamespaceAware(true);
                Element root = dbf.newDocumentBuilder().parse(in).getDocumentElement();
                assertEquals("http://knime.org/node/v5.3", root.getNamespaceURI(), xml);
                String icon = root.getAttribute("icon");
                assertNotNull(f.getResource(icon.replace("./", "")), "icon " + icon + " of " + xml);
            }
            if (!n.getAttribute("after").isEmpty()) {
                Class.forName(n.getAttribute("after"));
            }
        }
        for (Element c : elements(pluginXml(), "category")) {
            assertNotNull(getClass().getResource("/" + c.getAttribute("icon")), c.getAttribute("icon"));
        }
    }

    @Test
    void everyPortTypeSerializerNamesItsExactClass() throws Exception {
        for (Element p : elements(pluginXml(), "portType")) {
            Class<?> object = Class.forName(p.getAttribute("objectClass"));
            Class<?> spec = Class.forName(p.getAttribute("specClass"));
            assertEquals(object, typeArgument(Class.forName(p.getAttribute("objectSerializer"))));
            assertEquals(spec, typeArgument(Class.forName(p.getAttribute("specSerializer"))));
            assertTrue(p.getAttribute("color").matches("#[0-9A-Fa-f]{6}"));
        }
    }

    private static Class<?> typeArgument(final Class<?> serializer) throws Exception {
        assertNotNull(serializer.getConstructor().newInstance(), "public no-arg constructor");
        ParameterizedType t = (ParameterizedType)serializer.getGenericSuperclass();
        return (Class<?>)t.getActualTypeArguments()[0];
    }
}
