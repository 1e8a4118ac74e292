package io.aval.signal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class DomTest {

    private static final String XML = "<e:ORDERS xmlns:e='urn:x'><e:LIN n='1'><e:MOA n='2'/></e:LIN><e:SegGrp-2><e:FTX n='3'/>"
            + "<e:LIN n='4'><e:FTX n='5'><e:MOA n='6'/></e:FTX></e:LIN></e:SegGrp-2><e:MOA n='7'/></e:ORDERS>";

    @Test
    void severalNamesInOneWalkEachInDocumentOrderNestedOnesIncluded() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        Element root = f.newDocumentBuilder().parse(new InputSource(new StringReader(XML))).getDocumentElement();

        Map<String, List<Element>> found = Dom.descendants(root, Set.of("LIN", "MOA", "FTX", "QVR"));

        assertThat(found.keySet()).containsExactlyInAnyOrder("LIN", "MOA", "FTX", "QVR");
        assertThat(found.get("LIN")).extracting(e -> e.getAttribute("n")).containsExactly("1", "4");
        assertThat(Dom.descendants(root, "LIN")).extracting(e -> e.getAttribute("n")).containsExactly("1", "4");
        assertThat(found.get("MOA")).extracting(e -> e.getAttribute("n")).containsExactly("2", "6", "7");
        assertThat(found.get("FTX")).extracting(e -> e.getAttribute("n")).containsExactly("3", "5");
        assertThat(found.get("QVR")).isEmpty();
    }
}
