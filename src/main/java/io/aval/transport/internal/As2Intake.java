package io.aval.transport.internal;

import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.component.as2.api.AS2Header;
import org.apache.camel.component.as2.api.entity.AS2DispositionModifier;
import org.apache.camel.component.as2.api.entity.ApplicationEntity;
import org.apache.camel.component.as2.api.entity.ApplicationPkcs7MimeCompressedDataEntity;
import org.apache.camel.component.as2.api.entity.ApplicationPkcs7MimeEnvelopedDataEntity;
import org.apache.camel.component.as2.api.entity.MimeEntity;
import org.apache.camel.component.as2.api.entity.MultipartSignedEntity;
import org.apache.camel.component.as2.api.protocol.ResponseMDN;
import org.apache.camel.component.as2.api.util.HttpMessageUtils;
import org.apache.camel.component.as2.api.util.SigningUtils;
import org.apache.camel.component.as2.internal.AS2Constants;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.bouncycastle.cms.jcajce.ZlibExpanderProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the AS2 server (Camel AS2, route {@code inbound-as2}) received, after the component has
 * decrypted it: the message must be addressed to our AS2 name, come from a partner's AS2 name,
 * be signed with that partner's certificate, and carry an interchange whose UNB sender is that
 * partner. Accepted bytes go to the "received" step with transport {@code as2}; anything else is
 * journaled as a refusal (QUARANTINED, with the reason) and answered with a negative MDN
 * ({@code processed/error: …}) naming the problem class.
 */
public final class As2Intake {

    private static final Logger LOG = LoggerFactory.getLogger(As2Intake.class);
    private static final Pattern FILE_NAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private final PartnerSubmission submission;
    private final String ourAs2Id;
    private final PrivateKey decryptingKey;
    private final Map<String, Partner> byAs2Id = new LinkedHashMap<>();
    private final Map<String, Certificate[]> certificates = new LinkedHashMap<>();

    /**
     * @param certificateOf the certificate of a partner with an {@code as2:} profile (loaded once, here)
     */
    public As2Intake(PartnerSubmission submission, PartnerDirectory partners, String ourAs2Id, PrivateKey decryptingKey,
                     Function<Partner, Certificate[]> certificateOf) {
        this.submission = submission;
        this.ourAs2Id = ourAs2Id;
        this.decryptingKey = decryptingKey;
        for (Partner p : partners.partners()) {
            if (p.as2() == null) {
                continue;
            }
            if (p.as2().id() == null || p.as2().id().isBlank()) {
                throw new IllegalStateException("Partner " + p.id() + ": as2.id (its AS2 name) is required in partners.yaml");
            }
            if (byAs2Id.putIfAbsent(p.as2().id(), p) != null) {
                throw new IllegalStateException("AS2 name '" + p.as2().id() + "' is given to two partners in partners.yaml");
            }
            certificates.put(p.id(), certificateOf.apply(p));
        }
    }

    /** A refusal: the negative MDN's modifier and the reason journaled and logged. */
    private record Refusal(AS2DispositionModifier modifier, String reason) {
    }

    /** Body in: the EDI payload as the component extracted it. Sets the MDN's disposition on refusal. */
    public void receive(Exchange exchange) throws IOException, HttpException {
        HttpCoreContext context = exchange.getProperty(AS2Constants.AS2_INTERCHANGE, HttpCoreContext.class);
        ClassicHttpRequest request = (ClassicHttpRequest) context.getRequest();
        String from = HttpMessageUtils.getHeaderValue(request, AS2Header.AS2_FROM);
        String to = HttpMessageUtils.getHeaderValue(request, AS2Header.AS2_TO);
        String messageId = HttpMessageUtils.getHeaderValue(request, AS2Header.MESSAGE_ID);
        MimeEntity signed = unwrap(request.getEntity());
        ApplicationEntity payload = payloadOf(signed);
        byte[] raw = payload != null ? bytesOf(payload) : exchange.getMessage().getBody(byte[].class);
        String name = sourceName(payload, messageId);
        Partner partner = from == null ? null : byAs2Id.get(from);

        Refusal refusal = check(from, to, partner, signed);
        if (refusal == null) {
            PartnerSubmission.Outcome outcome = submission.submit(partner, raw == null ? new byte[0] : raw, "as2", name);
            if (outcome.accepted()) {
                LOG.info("AS2 message {} from {} ({}) journaled as {}", messageId, from, partner.id(), outcome.journalRef());
                exchange.getMessage().setHeader("AvalJournalId", outcome.journalId());
                return;
            }
            refusal = new Refusal(AS2DispositionModifier.ERROR_UNEXPECTED_PROCESSING_ERROR, outcome.refusal());
            LOG.warn("AS2 message {} from {}: {} (journal {}), negative MDN sent", messageId, from, outcome.refusal(),
                    outcome.journalRef());
        } else {
            PartnerSubmission.Outcome outcome = submission.refuse(partner, raw == null ? new byte[0] : raw, "as2", name,
                    refusal.reason());
            LOG.warn("AS2 message {}: {} (journal {}), negative MDN sent", messageId, outcome.refusal(), outcome.journalRef());
        }
        context.setAttribute(ResponseMDN.DISPOSITION_MODIFIER, refusal.modifier());
    }

    private Refusal check(String from, String to, Partner partner, MimeEntity signed) {
        String message = "AS2 message from '" + from + "' to '" + to + "'";
        if (to == null || !to.equals(ourAs2Id)) {
            return new Refusal(AS2DispositionModifier.ERROR_UNEXPECTED_PROCESSING_ERROR,
                    message + ": AS2-To is not this gateway's AS2 name '" + ourAs2Id + "' (aval.as2.id)");
        }
        if (partner == null) {
            return new Refusal(AS2DispositionModifier.ERROR_AUTHENTICATION_FAILED,
                    message + ": unknown AS2-From, no partner has this as2.id in partners.yaml");
        }
        if (!(signed instanceof MultipartSignedEntity multipartSigned)) {
            return new Refusal(AS2DispositionModifier.ERROR_INSUFFICIENT_MESSAGE_SECURITY,
                    message + " (partner " + partner.id() + "): the message is not signed; Aval takes signed AS2 messages only");
        }
        Certificate[] chain = certificates.get(partner.id());
        if (!SigningUtils.isValid(multipartSigned, chain)) {
            return new Refusal(AS2DispositionModifier.ERROR_AUTHENTICATION_FAILED,
                    message + " (partner " + partner.id() + "): the signature does not verify against the partner's certificate "
                            + ((X509Certificate) chain[0]).getSubjectX500Principal().getName());
        }
        return null;
    }

    /** The signed (or, unsigned, plain) entity under the encryption and compression layers. */
    private MimeEntity unwrap(HttpEntity entity) throws HttpException {
        HttpEntity current = entity;
        for (int depth = 0; depth < 4; depth++) {
            if (current instanceof ApplicationPkcs7MimeEnvelopedDataEntity enveloped && decryptingKey != null) {
                current = enveloped.getEncryptedEntity(decryptingKey);
            } else if (current instanceof ApplicationPkcs7MimeCompressedDataEntity compressed) {
                current = compressed.getCompressedEntity(new ZlibExpanderProvider());
            } else {
                break;
            }
        }
        return current instanceof MimeEntity mime ? mime : null;
    }

    private static ApplicationEntity payloadOf(MimeEntity entity) throws HttpException {
        MimeEntity current = entity;
        if (current instanceof MultipartSignedEntity signed) {
            current = signed.getSignedDataEntity();
        }
        if (current instanceof ApplicationPkcs7MimeCompressedDataEntity compressed) {
            current = compressed.getCompressedEntity(new ZlibExpanderProvider());
        }
        return current instanceof ApplicationEntity application ? application : null;
    }

    /** The EDI bytes as sent: a text payload is encoded back in the charset it declared. */
    private static byte[] bytesOf(ApplicationEntity payload) throws IOException {
        Object edi = payload.getEdiMessage();
        if (edi instanceof InputStream in) {
            try (in) {
                return in.readAllBytes();
            }
        }
        Charset charset = payload.getCharset() == null ? StandardCharsets.ISO_8859_1 : Charset.forName(payload.getCharset());
        return edi.toString().getBytes(charset);
    }

    /** The file name the partner gave (Content-Disposition), never a path; else one made from the Message-Id. */
    static String sourceName(MimeEntity payload, String messageId) {
        String name = null;
        if (payload != null) {
            Header disposition = payload.getFirstHeader(AS2Header.CONTENT_DISPOSITION);
            if (disposition != null) {
                Matcher m = FILE_NAME.matcher(disposition.getValue());
                if (m.find()) {
                    name = m.group(1);
                }
            }
        }
        if (name == null || name.isBlank()) {
            name = "as2-" + (messageId == null ? "message" : messageId);
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[^A-Za-z0-9._+-]", "_").replaceAll("^\\.+", "_");
        if (name.isEmpty()) {
            name = "as2-message";
        }
        return name.length() > 120 ? name.substring(0, 120) : name;
    }
}
