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
}
