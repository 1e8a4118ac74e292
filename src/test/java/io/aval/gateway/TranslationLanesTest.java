package io.aval.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aval.edifact.EnvelopeLimits;
import io.aval.journal.Direction;
import io.aval.journal.MessageRecord;
import io.aval.journal.MessageStatus;
import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import io.aval.partner.PartyIdentity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the interchange stage groups translation batches ({@code aval.messages.lanes}): an interchange's
 * batches share one JMS group, in order; one account's interchanges spread over its lanes; other queues
 * keep the account as their group.
 */
class TranslationLanesTest {

    private static final PartnerDirectory PARTNERS = new PartnerDirectory(
            new PartnerDirectory.Supplier("Supplier", List.of(new PartyIdentity("4012345000009", "14"))),
            List.of(new Partner("acme", "Acme", "ACME", List.of(new PartyIdentity("5412345000013", "14")), null, null, null, null)));

    private static InterchangeIntake intake(int batchSize, int lanes) {
        return new InterchangeIntake(null, PARTNERS, null, null, EnvelopeLimits.DEFAULT, null, batchSize, lanes);
    }

    private static List<MessageRecord> accepted(long interchangeId, long firstId, int count) {
        List<MessageRecord> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new MessageRecord(firstId + i, interchangeId, i + 1, "acme", Direction.INBOUND, "ORDERS",
                    MessageStatus.ACCEPTED, null));
        }
        return out;
    }

    @Test
    void anInterchangesBatchesShareOneLaneInOrder() {
        List<InterchangeIntake.Dispatch> sent = intake(3, 2).dispatch(accepted(7, 100, 7));
        assertThat(sent).extracting(InterchangeIntake.Dispatch::group).containsOnly("ACME/1");
        assertThat(sent).extracting(InterchangeIntake.Dispatch::body).containsExactly("100,101,102", "103,104,105", "106");
        assertThat(sent).extracting(InterchangeIntake.Dispatch::queue).containsOnly(InterchangeIntake.TRANSLATION_QUEUE);
    }

    @Test
    void oneAccountsInterchangesSpreadOverItsLanes() {
        InterchangeIntake intake = intake(50, 3);
        List<String> groups = new ArrayList<>();
        for (long interchange = 10; interchange < 16; interchange++) {
            groups.add(intake.dispatch(accepted(interchange, interchange * 100, 2)).get(0).group());
        }
        assertThat(groups).containsExactly("ACME/1", "ACME/2", "ACME/0", "ACME/1", "ACME/2", "ACME/0");
    }

    @Test
    void oneLaneIsTheAccountItself() {
        assertThat(intake(50, 1).dispatch(accepted(8, 1, 2))).extracting(InterchangeIntake.Dispatch::group).containsExactly("ACME");
    }

    @Test
    void messagesForTheTapKeepTheAccountAsTheirGroup() {
        MessageRecord archived = new MessageRecord(5L, 9, 1, "acme", Direction.INBOUND, "ORDERS", MessageStatus.ARCHIVED, null);
        assertThat(intake(50, 2).dispatch(List.of(archived))).singleElement()
                .satisfies(d -> assertThat(d.queue()).isEqualTo("aval.tap"))
                .satisfies(d -> assertThat(d.group()).isEqualTo("ACME"));
    }

    @Test
    void aMessageReadmittedFromQuarantineGoesToItsInterchangesLane() {
        MessageRecord readmitted = accepted(7, 103, 1).get(0);
        assertThat(intake(50, 2).single(readmitted)).isEqualTo(
                new InterchangeIntake.Dispatch(InterchangeIntake.TRANSLATION_QUEUE, "ACME/1", 103L));
        assertThat(intake(50, 1).single(readmitted).group()).isEqualTo("ACME");
    }

    @Test
    void lanesMustBeAtLeastOne() {
        assertThatThrownBy(() -> intake(50, 0)).hasMessageContaining("aval.messages.lanes must be at least 1, not 0");
    }
}
