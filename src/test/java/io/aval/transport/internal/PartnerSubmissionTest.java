package io.aval.transport.internal;

import static io.aval.testing.Edifact.ACME;
import static io.aval.testing.Edifact.SUPPLIER;
import static io.aval.testing.Edifact.bytes;
import static io.aval.testing.Edifact.interchange;
import static io.aval.testing.Edifact.ordersBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import io.aval.partner.PartyIdentity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sender rule on its own (the journal side is covered by PartnerEndpointsIT and SftpTransportIT). */
class PartnerSubmissionTest {

    private static final Partner ACME_PARTNER = new Partner("acme", "Acme", "ACME",
            List.of(new PartyIdentity(ACME, "14"), new PartyIdentity("ACME", "ZZ")), null, null, null, null);
    private static final Partner BRICO = new Partner("brico", "Brico", "BRICO",
            List.of(new PartyIdentity("3012345000016", "14")), null, null, null, null);
    private static final PartnerSubmission SUBMISSION = new PartnerSubmission(null, new PartnerDirectory(
            new PartnerDirectory.Supplier("us", List.of(new PartyIdentity(SUPPLIER, "14"))), List.of(ACME_PARTNER, BRICO)));

    private static byte[] from(String sender) {
        return bytes(interchange(sender, "R1", ordersBody("PO-1", "20261120", "4000862141404", 1)));
    }

    @Test
    void acceptsThePartnersOwnIdentity() {
        assertThat(SUBMISSION.refusal(ACME_PARTNER, from(ACME))).isNull();
    }

    @Test
    void refusesAnotherPartnersIdentityNamingBoth() {
        assertThat(SUBMISSION.refusal(ACME_PARTNER, from("3012345000016")))
                .contains("authenticated as partner acme", "3012345000016:14", "(partner brico)");
    }

    @Test
    void refusesTheSupplierAndUnknownIdentities() {
        assertThat(SUBMISSION.refusal(ACME_PARTNER, from(SUPPLIER))).contains("the supplier itself");
        assertThat(SUBMISSION.refusal(ACME_PARTNER, from("9999999999999"))).contains("9999999999999", "no known partner");
    }

    @Test
    void refusesBytesWhoseSenderCannotBeRead() {
        assertThat(SUBMISSION.refusal(ACME_PARTNER, bytes("<Order/>"))).contains("cannot be read", "not an EDIFACT");
        assertThat(SUBMISSION.refusal(ACME_PARTNER, new byte[0])).contains("cannot be read");
    }
}
