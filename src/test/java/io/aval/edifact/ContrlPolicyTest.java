package io.aval.edifact;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContrlPolicyTest {

    @Test
    void neverAnswersAContrlWithAContrl() {
        assertThat(ContrlPolicy.shouldAcknowledge(List.of("CONTRL"), "1", true)).isFalse();
    }

    @Test
    void answersWhenTheSenderAsksInUnb0031() {
        assertThat(ContrlPolicy.shouldAcknowledge(List.of("ORDERS"), "1", false)).isTrue();
    }

    @Test
    void answersWhenThePartnerAgreementAsksEvenWithout0031() {
        assertThat(ContrlPolicy.shouldAcknowledge(List.of("ORDERS"), null, true)).isTrue();
    }

    @Test
    void staysSilentWhenNobodyAsks() {
        assertThat(ContrlPolicy.shouldAcknowledge(List.of("ORDERS", "ORDERS"), "", false)).isFalse();
    }

    @Test
    void answersAnUnreadableBodyWhenAsked() {
        assertThat(ContrlPolicy.shouldAcknowledge(List.of(), "1", false)).isTrue();
    }
}
