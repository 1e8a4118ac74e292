package io.aval.edifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XsltExecutable;

/**
 * XSLT mappings compiled once per file (Saxon-HE) and compiled again when the file changes, so the
 * integration team can edit a mapping without restarting. Used by the outbound mapping
 * ({@link OutboundMessageMapper}) and the inbound one ({@code io.aval.mapping.UblMapping}). Thread-safe.
 */
public final class CompiledStylesheets {

    private record Compiled(FileTime modified, XsltExecutable executable) {
    }

    private final Processor processor;
    private final Map<Path, Compiled> cache = new ConcurrentHashMap<>();

    public CompiledStylesheets(Processor processor) {
        this.processor = processor;
    }

    /**
     * The compiled stylesheet in {@code file}, as the file is now.
     *
     * @throws IOException       when the file cannot be read
     * @throws SaxonApiException when it does not compile
     */
    public XsltExecutable get(Path file) throws IOException, SaxonApiException {
        FileTime modified = Files.getLastModifiedTime(file);
        Compiled c = cache.get(file);
        if (c == null || !c.modified().equals(modified)) {
            c = new Compiled(modified, processor.newXsltCompiler().compile(new StreamSource(file.toFile())));
            cache.put(file, c);
        }
        return c.executable();
    }
}
