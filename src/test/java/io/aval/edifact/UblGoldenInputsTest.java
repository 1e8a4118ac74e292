package io.aval.edifact;

import com.helger.commons.collection.impl.ICommonsList;
import com.helger.commons.io.resource.ClassPathResource;
import com.helger.ubl21.UBL21Marshaller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The UBL inputs of the golden tests are what a UBL 2.1 ERP can send: they validate against the UBL 2.1 schema. */
class UblGoldenInputsTest {

    static final Map<String, Supplier<ICommonsList<ClassPathResource>>> SCHEMAS = Map.of(
            "DESADV", UBL21Marshaller::getAllDespatchAdviceXSDs,
            "INVOIC-Invoice", UBL21Marshaller::getAllInvoiceXSDs,
            "INVOIC-CreditNote", UBL21Marshaller::getAllCreditNoteXSDs,
            "ORDRSP", UBL21Marshaller::getAllOrderResponseXSDs);

    static Stream<String> inputs() throws Exception {
        try (Stream<Path> files = Files.walk(OutboundGoldenTest.GOLDEN)) {
            return files.filter(OutboundGoldenTest::isUblInput).map(Path::toString).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void goldenInputValidatesAgainstUbl21(String file) throws Exception {
        byte[] ubl = Files.readAllBytes(Path.of(file));
        String type = OutboundGoldenTest.MAPPER.messageTypeOf(ubl);
        String key = type.equals("INVOIC") ? (new String(ubl).contains("<CreditNote") ? "INVOIC-CreditNote" : "INVOIC-Invoice") : type;
        ICommonsList<ClassPathResource> xsds = SCHEMAS.get(key).get();
        var schema = SchemaFactory.newDefaultInstance() // the JDK one: Smooks ships a shaded Xerces that cannot read the UBL XSDs
                .newSchema(xsds.stream().map(x -> new StreamSource(x.getAsURL().toExternalForm())).toArray(StreamSource[]::new));
        schema.newValidator().validate(new StreamSource(Path.of(file).toFile()));
        assertThat(type).isIn("DESADV", "INVOIC", "ORDRSP");
    }
}
