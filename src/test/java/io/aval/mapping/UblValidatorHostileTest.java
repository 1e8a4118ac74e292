package io.aval.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.aval.testing.TestGateway;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The UBL validator reads XML made by the gateway's own mappings, but a DOCTYPE must never get a
 * chance there either: no entity is expanded, no file or URL is read, the document is simply invalid.
 */
class UblValidatorHostileTest {

    @ParameterizedTest
    @ValueSource(strings = {"billion-laughs.xml", "xxe-external-entity.xml", "xxe-parameter-entity.xml"})
    void doctypeIsAnErrorWithoutExpandingOrFetchingAnything(String file) throws Exception {
        String xml = Files.readString(TestGateway.HOME.resolve("src/test/resources/hostile").resolve(file));
        List<String> errors = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new UblValidator().errors(xml, "Invoice"));
        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0)).containsIgnoringCase("DOCTYPE");
        assertThat(String.join(" ", errors)).doesNotContain("root:", "lollollol");
    }

    /** The validator and its document reader are kept per thread: a refused document must not spoil the next one. */
    @org.junit.jupiter.api.Test
    void aValidDocumentAfterRefusedOnesOnTheSameThreadIsValid() throws Exception {
        UblValidator validator = new UblValidator();
        String valid = Files.readString(TestGateway.HOME.resolve("src/test/resources/ubl/invoic-out/invoice-FA-2026-10022.xml"));
        assertThat(validator.errors(valid, "Invoice")).isEmpty();
        String hostile = Files.readString(TestGateway.HOME.resolve("src/test/resources/hostile/billion-laughs.xml"));
        assertThat(validator.errors(hostile, "Invoice")).isNotEmpty();
        assertThat(validator.errors("<Invoice", "Invoice")).isNotEmpty();
        assertThat(validator.errors(valid.replace("<cbc:ID>", "<cbc:Unknown/><cbc:ID>"), "Invoice")).isNotEmpty();
        assertThat(validator.errors(valid, "Invoice")).isEmpty();
    }
}
