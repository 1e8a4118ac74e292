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

    @Test
    void outermostFindsEachMatchAtAnyDepthButNotInsideAnother() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        Element root = f.newDocumentBuilder().parse(new InputSource(new StringReader(XML))).getDocumentElement();

        // LIN 4 lies deeper than LIN 1, under a SegGrp; FTX 5 is inside LIN 4 (outermost LIN), FTX 3 is not inside an FTX
        assertThat(Dom.outermost(root, "LIN")).extracting(e -> e.getAttribute("n")).containsExactly("1", "4");
        assertThat(Dom.outermost(root, "FTX")).extracting(e -> e.getAttribute("n")).containsExactly("3", "5");
        // MOA 6 is inside FTX 5, itself inside LIN 4: all three MOA are outermost ones
        assertThat(Dom.outermost(root, "MOA")).extracting(e -> e.getAttribute("n")).containsExactly("2", "6", "7");
        assertThat(Dom.outermost(root, "QVR")).isEmpty();
    }

    @Test
    void outermostDoesNotReturnAMatchNestedInAnother() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        Element root = f.newDocumentBuilder().parse(new InputSource(new StringReader(
                "<I><UNB/><Message n='1'><X><Message n='2'/></X></Message><Message n='3'/></I>"))).getDocumentElement();

        assertThat(Dom.outermost(root, "Message")).extracting(e -> e.getAttribute("n")).containsExactly("1", "3");
        assertThat(Dom.descendants(root, "Message")).extracting(e -> e.getAttribute("n")).containsExactly("1", "2", "3");
    }
}
