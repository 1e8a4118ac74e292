package io.aval.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@code openapi.yaml} against {@link InterchangeResource} itself, read by
 * reflection: an operation added to, renamed in or removed from the resource fails here until the
 * description follows.
 */
class OpenApiDescriptionTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");

    private static JsonNode description;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = InterchangeResource.class.getResourceAsStream(InterchangeResource.OPENAPI)) {
            assertThat(in).as(InterchangeResource.OPENAPI + " on the classpath").isNotNull();
            description = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    /** "get /outbound/{id}" for each JAX-RS method of the resource, paths relative to the /partners server. */
    private static Set<String> operationsInCode() {
        String base = InterchangeResource.class.getAnnotation(Path.class).value();
        Set<String> out = new TreeSet<>();
        for (Method m : InterchangeResource.class.getDeclaredMethods()) {
            String verb = m.isAnnotationPresent(GET.class) ? "get" : m.isAnnotationPresent(POST.class) ? "post" : null;
            if (verb == null) {
                continue;
            }
            Path path = m.getAnnotation(Path.class);
            String full = ("/" + base + "/" + (path == null ? "" : path.value())).replaceAll("/+", "/");
            out.add(verb + " " + (full.length() > 1 && full.endsWith("/") ? full.substring(0, full.length() - 1) : full));
        }
        return out;
    }

    private static Set<String> operationsDescribed() {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> paths = description.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            for (Iterator<String> verbs = description.get("paths").get(path).fieldNames(); verbs.hasNext(); ) {
                String verb = verbs.next().toLowerCase(Locale.ROOT);
                if (HTTP_METHODS.contains(verb)) {
                    out.add(verb + " " + path);
                }
            }
        }
        return out;
    }

    @Test
    void describesEveryOperationOfTheResourceAndNoOther() {
        Set<String> code = operationsInCode();
        assertThat(code).contains("post /interchanges", "get /interchanges/{id}", "get /outbound", "get /outbound/{id}",
                "get /openapi.yaml");
        assertThat(operationsDescribed()).isEqualTo(code);
    }

    @Test
    void isOpenApi3ServedUnderPartnersWithBasicAuthentication() {
        assertThat(description.path("openapi").asText()).startsWith("3.");
        assertThat(description.path("servers").get(0).path("url").asText()).isEqualTo("/partners");
        JsonNode basic = description.path("components").path("securitySchemes").path("partnerBasic");
        assertThat(basic.path("type").asText()).isEqualTo("http");
        assertThat(basic.path("scheme").asText()).isEqualTo("basic");
        assertThat(description.path("security").get(0).has("partnerBasic")).isTrue();
    }

    @Test
    void everyAuthenticatedOperationDocumentsItsErrorsAndOnlyTheDescriptionIsPublic() {
        List<String> publicOperations = new ArrayList<>();
        description.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey() + " " + path.getKey();
            JsonNode responses = op.getValue().path("responses");
            assertThat(responses.has("200") || responses.has("202")).as(name + " success").isTrue();
            JsonNode security = op.getValue().get("security");
            if (security != null && security.isEmpty()) {
                publicOperations.add(name);
                return;
            }
            assertThat(responses.has("401")).as(name + " documents 401").isTrue();
            assertThat(responses.has("400")).as(name + " documents 400").isTrue();
            if (path.getKey().contains("{id}")) {
                assertThat(responses.has("404")).as(name + " documents 404").isTrue();
            }
            if (op.getKey().equals("post")) {
                assertThat(responses.has("403")).as(name + " documents 403").isTrue();
                assertThat(responses.has("413")).as(name + " documents 413").isTrue();
            }
        }));
        // the same single exception PartnerAuthFilter makes
        assertThat(publicOperations).containsExactly("get " + PartnerAuthFilter.OPENAPI_PATH.substring("/partners".length()));
    }

    @Test
    void everyReferenceResolvesWithinTheDocument() {
        List<String> refs = new ArrayList<>();
        collectRefs(description, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(description.at(ref.substring(1)).isMissingNode()).as(ref + " resolves").isFalse();
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getKey().equals("$ref")) {
                    refs.add(f.getValue().asText());
                } else {
                    collectRefs(f.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
