package io.aval.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.component.as2.api.entity.ApplicationEDIFACTEntity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class As2IntakeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "order.edi                 | order.edi",
        "../../etc/passwd          | passwd",
        "C:\\\\inbox\\\\order 1.edi   | order_1.edi",
        "..                        | _",
        "ordre-été.edi             | ordre-_t_.edi",
    })
    void sourceNameIsTheFileNameOnlyAndNeverAPath(String given, String expected) {
        ApplicationEDIFACTEntity payload = new ApplicationEDIFACTEntity("UNB".getBytes(), "ISO-8859-1", "binary", false, given);
        assertThat(As2Intake.sourceName(payload, "<1@acme>")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"<abc.def@acme.example>, as2-_abc.def_acme.example_", ", as2-message"})
    void withoutAFileNameTheMessageIdNamesTheSource(String messageId, String expected) {
        ApplicationEDIFACTEntity payload = new ApplicationEDIFACTEntity("UNB".getBytes(), "ISO-8859-1", "binary", false, null);
        assertThat(As2Intake.sourceName(payload, messageId)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"acme-INVOIC-00000000000002.edi, 00000000000002", "acme-DESADV+INVOIC-42.edi, 42", "notes.txt,"})
    void outboundFileNamesGiveTheInterchangeReference(String file, String expected) {
        assertThat(As2ReceiptChecker.controlRef(file)).isEqualTo(expected);
    }
}
