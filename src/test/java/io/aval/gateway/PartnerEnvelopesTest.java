package io.aval.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import io.aval.partner.PartyIdentity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CONTRL deadline of an outbound agreement: a default, and a wrong one stops the start naming the partner. */
class PartnerEnvelopesTest {

    private static PartnerDirectory with(String ackWithin) {
        Partner.OutboundAgreement out = new Partner.OutboundAgreement("D96A", 3, "UNOC", null, true, true, null, null, ackWithin);
        Partner p = new Partner("acme", "Acme", "ACME", List.of(new PartyIdentity("5412345000013", "14")), null, out, null, null);
        return new PartnerDirectory(new PartnerDirectory.Supplier("Supplier", List.of(new PartyIdentity("4012345000009", "14"))),
                List.of(p));
    }

    @Test
    void deadlineDefaultsToOneDay() {
        assertThat(with(null).partners().get(0).outbound().acknowledgementDeadline()).isEqualTo(Duration.ofHours(24));
        assertThat(with("PT2S").partners().get(0).outbound().acknowledgementDeadline()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void unreadableOrNonPositiveDeadlineStopsTheStartWithThePartnersName() {
        assertThatThrownBy(() -> PartnerEnvelopes.check(with("24 hours")))
                .hasMessageContaining("Partner 'acme'").hasMessageContaining("24 hours");
        assertThatThrownBy(() -> PartnerEnvelopes.check(with("PT0S")))
                .hasMessageContaining("Partner 'acme'").hasMessageContaining("ackWithin must be a positive duration");
    }
}
