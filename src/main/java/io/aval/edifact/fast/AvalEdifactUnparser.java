package io.aval.edifact.fast;

import io.aval.edifact.fast.internal.SegmentXmlWriter;
import jakarta.annotation.PostConstruct;
import org.smooks.api.ExecutionContext;
import org.smooks.api.SmooksException;
import org.smooks.api.TypedKey;
import org.smooks.api.resource.config.ResourceConfig;
import org.smooks.api.resource.visitor.sax.ng.AfterVisitor;
import org.smooks.api.resource.visitor.sax.ng.BeforeVisitor;
import org.smooks.api.resource.visitor.sax.ng.ChildrenVisitor;
import org.smooks.io.Stream;
import org.w3c.dom.CharacterData;
import org.w3c.dom.Element;

import javax.inject.Inject;
import java.io.IOException;

/**
 * Smooks visitor that writes the XML it sees (stock {@code edifact:parser} shape) as EDIFACT to the Smooks output,
 * like the stock {@code <edifact:unparser unparseOnNode="*">}: select it on every element ({@code selector="*"}) and
 * switch off default serialisation. Optional parameter {@code lineBreak}: {@code CRLF} (default, as the stock writer),
 * {@code LF} or {@code NONE}.
 */
public class AvalEdifactUnparser implements BeforeVisitor, AfterVisitor, ChildrenVisitor {
    private static final TypedKey<State> STATE = TypedKey.of();

    @Inject
    private ResourceConfig resourceConfig;

    private String lineBreak = "\r\n";

    private static final class State {
        SegmentXmlWriter writer;
        int depth;
    }

    @PostConstruct
    public void postConstruct() {
        String lb = resourceConfig == null ? null : resourceConfig.getParameterValue("lineBreak", String.class);
        if (lb != null) {
            switch (lb.trim().toUpperCase(java.util.Locale.ROOT)) {
                case "LF":
                    lineBreak = "\n";
                    break;
                case "NONE":
                    lineBreak = "";
                    break;
                default:
                    lineBreak = "\r\n";
            }
        }
    }

    @Override
    public void visitBefore(Element element, ExecutionContext executionContext) {
        State state = executionContext.get(STATE);
        if (state == null) {
            state = new State();
            state.writer = new SegmentXmlWriter(Stream.out(executionContext), lineBreak);
            executionContext.put(STATE, state);
        }
        state.depth++;
        state.writer.startElement(element.getNamespaceURI(), AvalEdifactWriter.localName(element), AvalEdifactWriter.isNil(element));
    }

    @Override
    public void visitChildText(CharacterData characterData, ExecutionContext executionContext) {
        State state = executionContext.get(STATE);
        if (state != null) {
            state.writer.characters(characterData.getData());
        }
    }

    @Override
    public void visitChildElement(Element childElement, ExecutionContext executionContext) {
    }

    @Override
    public void visitAfter(Element element, ExecutionContext executionContext) {
        State state = executionContext.get(STATE);
        try {
            state.writer.endElement(AvalEdifactWriter.localName(element));
            if (--state.depth == 0) {
                Stream.out(executionContext).flush();
                executionContext.remove(STATE);
            }
        } catch (IOException e) {
            throw new SmooksException(e);
        }
    }
}
