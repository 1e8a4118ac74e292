package io.aval.transport.internal;

import io.aval.journal.Journal;
import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import io.aval.transport.As2DeliveryFailed;
import java.security.cert.Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.component.as2.api.entity.AS2DispositionModifier;
import org.apache.camel.component.as2.api.entity.AS2DispositionType;
import org.apache.camel.component.as2.api.entity.AS2MessageDispositionNotificationEntity;
import org.apache.camel.component.as2.api.entity.DispositionNotificationMultipartReportEntity;
import org.apache.camel.component.as2.api.entity.MimeEntity;
import org.apache.camel.component.as2.api.entity.MultipartMimeEntity;
import org.apache.camel.component.as2.api.entity.MultipartSignedEntity;
import org.apache.camel.component.as2.api.AS2Header;
import org.apache.camel.component.as2.api.util.HttpMessageUtils;
import org.apache.camel.component.as2.api.util.SigningUtils;
import org.apache.camel.component.as2.internal.AS2Constants;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the synchronous MDN a partner's AS2 server answered to an interchange we sent (route
 * {@code outbound-as2-<partner>}): it must be signed with the partner's certificate and say
 * {@code processed} without an error modifier, for the Message-Id we sent. The outcome, either way, is an event of the
 * interchange's messages in the journal; a missing, unsigned, badly signed or negative MDN throws
 * {@link As2DeliveryFailed}, so the file stays in the outbound folder and is sent again.
 */
public final class As2ReceiptChecker {

    private static final Logger LOG = LoggerFactory.getLogger(As2ReceiptChecker.class);
    /** Outbound file names are {@code <partner>-<types>-<control reference>.edi} (OutboundDispatcher). */
    private static final Pattern CONTROL_REF = Pattern.compile("-([^-]+)\\.edi$");

    private final Journal journal;
    private final PartnerDirectory partners;
    private final Map<String, Certificate[]> certificates = new LinkedHashMap<>();

    public As2ReceiptChecker(Journal journal, PartnerDirectory partners, Function<Partner, Certificate[]> certificateOf) {
        this.journal = journal;
        this.partners = partners;
        for (Partner p : partners.partners()) {
            if (p.as2() != null && p.as2().url() != null) {
                certificates.put(p.id(), certificateOf.apply(p));
            }
        }
    }

    /** Body in: the MDN entity the AS2 client returned (null when the partner sent none). */
    public void check(Exchange exchange) {
        String partnerId = exchange.getMessage().getHeader("AvalPartner", String.class);
        String file = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Partner partner = partners.byId(partnerId)
                .orElseThrow(() -> new IllegalStateException("AS2 outbound route of unknown partner " + partnerId));
        Object body = exchange.getMessage().getBody();
        HttpCoreContext context = exchange.getProperty(AS2Constants.AS2_INTERCHANGE, HttpCoreContext.class);
        String sentId = context == null || context.getRequest() == null ? null
                : HttpMessageUtils.getHeaderValue(context.getRequest(), AS2Header.MESSAGE_ID);
        String problem = problem(partner, body, sentId);
        if (problem != null && context != null && context.getResponse() != null) {
            problem = problem + " (HTTP " + context.getResponse().getCode() + ")";
        }
        String controlRef = controlRef(file);
        if (problem != null) {
            String reason = "AS2 to " + partner.as2().id() + " (partner " + partner.id() + "), file " + file + ": " + problem
                    + "; kept for a new attempt";
            record(partner, controlRef, "AS2_MDN_FAILED", reason);
            throw new As2DeliveryFailed(partner.id(), file, reason);
        }
        record(partner, controlRef, "AS2_MDN", "signed MDN processed from " + partner.as2().id() + " for " + file);
        LOG.info("AS2 to {} (partner {}): {} acknowledged by a signed MDN", partner.as2().id(), partner.id(), file);
    }

    private String problem(Partner partner, Object body, String sentMessageId) {
        if (body == null) {
            return "no MDN in the answer";
        }
        if (!(body instanceof MultipartSignedEntity signed)) {
            return "the MDN is not signed (a signed MDN was asked for)";
        }
        if (!SigningUtils.isValid(signed, certificates.get(partner.id()))) {
            return "the MDN's signature does not verify against the partner's certificate";
        }
        AS2MessageDispositionNotificationEntity notification = notificationOf(signed.getSignedDataEntity());
        if (notification == null) {
            return "the MDN has no disposition notification";
        }
        if (sentMessageId != null && !sentMessageId.equals(notification.getOriginalMessageId())) {
            return "the MDN answers message " + notification.getOriginalMessageId() + ", not " + sentMessageId;
        }
        AS2DispositionModifier modifier = notification.getDispositionModifier();
        if (notification.getDispositionType() != AS2DispositionType.PROCESSED
                || modifier != null && (modifier.isError() || modifier.isFailure())) {
            return "negative MDN: " + notification.getDispositionType()
                    + (modifier == null ? "" : "/" + modifier.getModifier());
        }
        return null;
    }

    private static AS2MessageDispositionNotificationEntity notificationOf(MimeEntity entity) {
        if (entity instanceof AS2MessageDispositionNotificationEntity n) {
            return n;
        }
        if (entity instanceof DispositionNotificationMultipartReportEntity || entity instanceof MultipartMimeEntity) {
            MultipartMimeEntity multipart = (MultipartMimeEntity) entity;
            for (int i = 0; i < multipart.getPartCount(); i++) {
                AS2MessageDispositionNotificationEntity n = notificationOf(multipart.getPart(i));
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }

    private void record(Partner partner, String controlRef, String status, String detail) {
        if (controlRef == null || journal.recordTransportOutcome(partner.id(), controlRef, status, detail) == 0) {
            LOG.warn("{}: no journaled outbound message for this file; {}", status, detail);
        }
    }

    static String controlRef(String file) {
        if (file == null) {
            return null;
        }
        Matcher m = CONTROL_REF.matcher(file);
        return m.find() ? m.group(1) : null;
    }
}
