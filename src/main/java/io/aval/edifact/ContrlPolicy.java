package io.aval.edifact;

import java.util.Collection;

/** When the gateway answers an inbound interchange with a CONTRL. */
public final class ContrlPolicy {

    private ContrlPolicy() { }

    /**
     * Whether to send a CONTRL for a received interchange.
     *
     * @param messageTypes       the UNH 0065 of the messages received (may be empty when the body could not be read)
     * @param unbAckRequest      UNB 0031 as received ({@code "1"} asks for an acknowledgement), may be null
     * @param partnerProfileAsks the partner agreement asks for CONTRL on every interchange
     * @return false for any interchange carrying a CONTRL (a CONTRL is never answered with a CONTRL, which would
     * let two gateways acknowledge each other forever); otherwise true when 0031 = 1 or the agreement asks
     */
    public static boolean shouldAcknowledge(Collection<String> messageTypes, String unbAckRequest, boolean partnerProfileAsks) {
        if (messageTypes.stream().anyMatch(t -> "CONTRL".equalsIgnoreCase(t == null ? "" : t.trim()))) {
            return false;
        }
        return "1".equals(unbAckRequest == null ? null : unbAckRequest.trim()) || partnerProfileAsks;
    }
}
