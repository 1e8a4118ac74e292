package io.aval.gateway;

import io.aval.edifact.CharsetPolicy;
import io.aval.edifact.EdifactDirectory;
import io.aval.edifact.EnvelopeProfile;
import io.aval.edifact.SyntaxCharset;
import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import io.aval.partner.PartyIdentity;

/**
 * Turns a partner's outbound agreement (partners.yaml) into the envelope our interchanges to it
 * carry. Checked for every partner when the gateway starts, so a wrong profile stops the start
 * with the partner's name rather than failing the first invoice.
 */
final class PartnerEnvelopes {

    private PartnerEnvelopes() {
    }

    /** The envelope for {@code partner}; null when its profile has no outbound agreement. */
    static EnvelopeProfile of(Partner partner, PartyIdentity supplier) {
        Partner.OutboundAgreement out = partner.outbound();
        if (out == null || partner.identities().isEmpty()) {
            return null;
        }
        PartyIdentity to = partner.identities().get(out.identity() == null ? 0 : out.identity());
        if (out.acknowledgementDeadline().isNegative() || out.acknowledgementDeadline().isZero()) {
            throw new IllegalArgumentException("ackWithin must be a positive duration: " + out.ackWithin());
        }
        String charsetCode = out.charset() == null ? "UNOC" : out.charset();
        SyntaxCharset charset = SyntaxCharset.fromCode(charsetCode);
        if (charset == null) {
            throw new IllegalArgumentException("character set " + charsetCode + " is not written by Aval");
        }
        return new EnvelopeProfile(
                out.syntaxVersion() == null ? 3 : out.syntaxVersion(),
                charset,
                out.charsetPolicy() == null ? CharsetPolicy.TRANSLITERATE : CharsetPolicy.valueOf(out.charsetPolicy()),
                out.una() == null || out.una(),
                supplier.id(), supplier.qualifier(), to.id(), to.qualifier(), null,
                Boolean.TRUE.equals(out.test()), Boolean.TRUE.equals(out.ackRequested()), null,
                EdifactDirectory.valueOf(out.directory() == null ? "D96A" : out.directory()));
    }

    /** Builds every partner's envelope once; the first invalid one stops the gateway with its reason. */
    static void check(PartnerDirectory partners) {
        if (partners.supplier().identities().isEmpty()) {
            throw new IllegalStateException("partners.yaml: the supplier has no identity");
        }
        for (Partner p : partners.partners()) {
            try {
                of(p, partners.supplier().identities().get(0));
            } catch (RuntimeException e) {
                throw new IllegalStateException("Partner '" + p.id() + "' has an invalid outbound profile in partners.yaml: "
                        + e.getMessage(), e);
            }
        }
    }
}
