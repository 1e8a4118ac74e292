package io.aval.transport.internal;

import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import java.io.InputStream;
import org.apache.camel.Body;
import org.apache.camel.Header;

/**
 * Bytes polled from a partner's SFTP inbox: the partner is known from the inbox, so the same
 * sender rule as for HTTP applies (a file in acme's inbox must come from acme's identity).
 */
public final class SftpIntake {

    private final PartnerSubmission submission;
    private final PartnerDirectory partners;

    public SftpIntake(PartnerSubmission submission, PartnerDirectory partners) {
        this.submission = submission;
        this.partners = partners;
    }

    /** Journals the file (refused or accepted), read as a stream (it may be larger than memory), and returns its journal id. */
    public long receive(@Body InputStream raw, @Header("CamelFileName") String fileName, @Header("AvalPartner") String partnerId) {
        Partner partner = partners.byId(partnerId)
                .orElseThrow(() -> new IllegalStateException("SFTP inbox of unknown partner " + partnerId));
        return submission.submit(partner, raw == null ? InputStream.nullInputStream() : raw, "sftp", fileName).journalId();
    }
}
