package io.aval.partner;

import java.util.List;

/** A trading partner profile from {@code config/partners.yaml}. */
public record Partner(String id, String name, String account, List<PartyIdentity> identities,
                      InboundAgreement inbound, OutboundAgreement outbound, Credentials credentials,
                      SftpProfile sftp, As2Profile as2) {

    /** A partner without an AS2 profile (profiles written before AS2 existed, tests). */
    public Partner(String id, String name, String account, List<PartyIdentity> identities,
                   InboundAgreement inbound, OutboundAgreement outbound, Credentials credentials, SftpProfile sftp) {
        this(id, name, account, identities, inbound, outbound, credentials, sftp, null);
    }

    public Partner {
        identities = identities == null ? List.of() : List.copyOf(identities);
        inbound = inbound == null ? new InboundAgreement(null, null, null, null) : inbound;
    }

    /**
     * What the partner may send us and how we read it ({@code messageTypes} holds EDIFACT types such as ORDERS and
     * XML documents as {@code "UBL:Order"}), and whether every interchange it sends is answered with a CONTRL
     * ({@code contrl: true}; without it only interchanges whose UNB 0031 asks for one are).
     */
    public record InboundAgreement(List<String> messageTypes, List<String> directories, String reader, Boolean contrl) {
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

        public boolean contrlRequested() {
            return Boolean.TRUE.equals(contrl);
        }
    }

    /**
     * How we write to the partner: directory (D96A, D01B), syntax version (3, 4), character set
     * (UNOA … UNOY) and what to do with characters it lacks (TRANSLITERATE or REJECT), UNA or not,
     * whether to ask for a CONTRL, test indicator, and which of its identities to address. {@code ackWithin}
     * (ISO-8601 duration, default {@code PT24H}) is how long the partner has to send that CONTRL before the
     * interchange is reported OVERDUE.
     */
    public record OutboundAgreement(String directory, Integer syntaxVersion, String charset, String charsetPolicy,
                                    Boolean una, Boolean ackRequested, Boolean test, Integer identity,
                                    @com.fasterxml.jackson.annotation.JsonAlias("ack-within") String ackWithin) {

        /** The CONTRL deadline; an unreadable value stops the gateway at start-up (see PartnerEnvelopes). */
        public java.time.Duration acknowledgementDeadline() {
            if (ackWithin == null || ackWithin.isBlank()) {
                return java.time.Duration.ofHours(24);
            }
            try {
                return java.time.Duration.parse(ackWithin.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("ackWithin '" + ackWithin + "' is not an ISO-8601 duration such as PT24H", e);
            }
        }
    }

    /**
     * How the partner logs in to the HTTP endpoints (REST and SOAP, HTTP Basic). The password is
     * never written here: {@code passwordHash} is a hash made by {@code PasswordHashCommand}, or
     * a reference {@code {{env:NAME}}} to an environment variable holding one. The user name
     * defaults to the partner id.
     */
    public record Credentials(String username, String passwordHash) {
    }

    /**
     * The partner's SFTP server: we poll {@code inbox} for interchanges it puts there and push
     * its outbound interchanges to {@code outbox}. The password is a reference
     * {@code {{env:NAME}}}, never the secret itself. The server's host key is checked against
     * the user's known_hosts unless {@code hostKeyChecking} is false (tests only).
     */
    public record SftpProfile(String host, Integer port, String username, String password, String inbox,
                              String outbox, Long pollDelayMs, Boolean hostKeyChecking) {
    }

    /**
     * The partner's AS2 station (RFC 4130): {@code id} is its AS2 name (AS2-From on what it sends
     * us, AS2-To on what we send it); {@code certificate} the path of its X.509 certificate (PEM
     * or DER, relative to the config folder), which checks its signatures and its MDNs and
     * encrypts what we send; {@code url} where we send its outbound interchanges (none: inbound
     * only). We sign and encrypt what we send unless {@code sign}/{@code encrypt} say false, and
     * always ask for a signed, synchronous MDN.
     */
    public record As2Profile(String id, String certificate, String url, Boolean sign, Boolean encrypt) {
        public boolean signs() {
            return !Boolean.FALSE.equals(sign);
        }

        public boolean encrypts() {
            return !Boolean.FALSE.equals(encrypt);
        }
    }

    /** The user name the partner logs in with, when it has credentials. */
    public String username() {
        return credentials == null || credentials.username() == null || credentials.username().isBlank()
                ? id : credentials.username();
    }

    public boolean isIdentifiedBy(String id, String qualifier) {
        return identities.stream().anyMatch(i -> i.matches(id, qualifier));
    }
}
