package io.aval.partner;

import java.util.List;

/** A trading partner profile from {@code config/partners.yaml}. */
public record Partner(String id, String name, String account, List<PartyIdentity> identities,
                      InboundAgreement inbound, OutboundAgreement outbound) {

    public Partner {
        identities = identities == null ? List.of() : List.copyOf(identities);
        inbound = inbound == null ? new InboundAgreement(null, null, null) : inbound;
    }

    /** What the partner may send us and how we read it. */
    public record InboundAgreement(List<String> messageTypes, List<String> directories, String reader) {
        public InboundAgreement {
            messageTypes = messageTypes == null ? List.of() : List.copyOf(messageTypes);
            directories = directories == null ? List.of() : List.copyOf(directories);
        }

        public boolean accepts(String messageType) {
            return messageTypes.contains(messageType);
        }

        public boolean acceptsDirectory(String directory) {
            return directories.isEmpty() || directories.contains(directory);
        }
    }

    /**
     * How we write to the partner: directory (D96A, D01B), syntax version (3, 4), character set
     * (UNOA … UNOY) and what to do with characters it lacks (TRANSLITERATE or REJECT), UNA or not,
     * whether to ask for a CONTRL, test indicator, and which of its identities to address.
     */
    public record OutboundAgreement(String directory, Integer syntaxVersion, String charset, String charsetPolicy,
                                    Boolean una, Boolean ackRequested, Boolean test, Integer identity) {
    }

    public boolean isIdentifiedBy(String id, String qualifier) {
        return identities.stream().anyMatch(i -> i.matches(id, qualifier));
    }
}
