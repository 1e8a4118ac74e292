package io.aval.transport.internal;

import io.aval.edifact.InterchangeHeader;
import io.aval.journal.AcknowledgementRecord;
import io.aval.journal.Acknowledgements;
import io.aval.journal.Direction;
import io.aval.journal.InterchangeRecord;
import io.aval.journal.Journal;
import io.aval.journal.JournalEntry;
import io.aval.journal.JournalQuery;
import io.aval.journal.MessageRecord;
import io.aval.partner.Partner;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partners' REST resource: submit an interchange, read its state, list what was sent to
 * them and fetch those files. The caller is the partner {@link PartnerAuthFilter} authenticated; a
 * partner only ever sees its own interchanges (another's answers 404, so ids cannot be probed).
 * Its OpenAPI description, {@code openapi.yaml} next to this class, is served unauthenticated at
 * {@code /partners/openapi.yaml}; {@code OpenApiDescriptionTest} keeps it in step with the methods here.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class InterchangeResource {

    private static final Logger LOG = LoggerFactory.getLogger(InterchangeResource.class);

    private final PartnerSubmission submission;
    private final Journal journal;
    private final Acknowledgements acknowledgements;
    private final OutboundInterchangeFiles outboundFiles;

    /** Media type of the interchange files served by {@link #outboundFile}. */
    public static final String EDIFACT = "application/edifact";

    /** Classpath resource of the OpenAPI description. */
    static final String OPENAPI = "/io/aval/transport/openapi.yaml";

    @Context
    private HttpServletRequest request;

    public InterchangeResource(PartnerSubmission submission, Journal journal, Acknowledgements acknowledgements,
                               OutboundInterchangeFiles outboundFiles) {
        this.submission = submission;
        this.journal = journal;
        this.acknowledgements = acknowledgements;
        this.outboundFiles = outboundFiles;
    }

    @POST
    @Path("interchanges")
    @Consumes(MediaType.WILDCARD)
    public Response submit(byte[] body, @HeaderParam("X-Aval-File-Name") String fileName) {
        Partner caller = caller();
        PartnerSubmission.Outcome outcome = submission.submit(caller, body == null ? new byte[0] : body, "rest",
                fileName == null || fileName.isBlank() ? "rest-upload" : fileName);
        if (!outcome.accepted()) {
            return json(Response.Status.FORBIDDEN, Map.of("error", "sender_mismatch", "message", outcome.refusal(),
                    "journalId", outcome.journalRef()));
        }
        return json(Response.Status.ACCEPTED, Map.of("journalId", outcome.journalRef()));
    }

    @GET
    @Path("interchanges/{id}")
    public Response status(@PathParam("id") String id) {
        Partner caller = caller();
        Optional<InterchangeRecord> found = parseId(id).flatMap(this::find).filter(r -> owns(caller, r));
        if (found.isEmpty()) {
            return json(Response.Status.NOT_FOUND, Map.of("error", "not_found",
                    "message", "no interchange " + id + " of partner " + caller.id()));
        }
        InterchangeRecord r = found.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("journalId", "I-" + r.id());
        body.put("status", r.status().name());
        body.put("reason", r.reason());
        body.put("receivedAt", r.receivedAt());
        body.put("interchangeRef", r.controlRef());
        List<Map<String, Object>> messages = new ArrayList<>();
        for (MessageRecord m : journal.messagesOf(r.id())) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", "M-" + m.id());
            message.put("messageType", m.messageType());
            message.put("messageRef", m.messageRef());
            message.put("documentNumber", m.documentNumber());
            message.put("status", m.status().name());
            message.put("reason", m.reason());
            messages.add(message);
        }
        body.put("messages", messages);
        return json(Response.Status.OK, body);
    }

    @GET
    @Path("outbound")
    public Response outbound() {
        Partner caller = caller();
        Map<Long, AcknowledgementRecord> acks = acknowledgements.ofPartner(caller.id()).stream()
                .collect(Collectors.toMap(AcknowledgementRecord::messageId, Function.identity(), (a, b) -> b));
        Instant now = Instant.now();
        List<Map<String, Object>> out = new ArrayList<>();
        for (JournalEntry e : journal.entries(new JournalQuery(null, caller.id(), Direction.OUTBOUND))) {
            if (e.deliveredTo() == null) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", e.id());
            item.put("messageType", e.messageType());
            item.put("documentNumber", e.documentNumber());
            item.put("interchangeRef", e.interchangeRef());
            item.put("status", e.status());
            item.put("fileName", OutboundInterchangeFiles.fileName(e.deliveredTo()));
            // null: the partner's agreement asked for no CONTRL for this interchange
            AcknowledgementRecord ack = acks.get(Long.parseLong(e.id().substring(2)));
            item.put("acknowledgement", ack == null ? null : ack.statusAt(now).name());
            out.add(item);
        }
        return json(Response.Status.OK, Map.of("partner", caller.id(), "messages", out));
    }

    /**
     * The interchange file of an outbound message as the partner received it: {@code application/edifact},
     * or 404 in JSON when the id is unknown, not an outbound message of the caller, or its file is gone.
     */
    @GET
    @Path("outbound/{id}")
    @Produces({EDIFACT, MediaType.APPLICATION_JSON})
    public Response outboundFile(@PathParam("id") String id) {
        Partner caller = caller();
        Optional<MessageRecord> found = outboundFiles.delivered(caller.id(), id);
        if (found.isEmpty()) {
            return json(Response.Status.NOT_FOUND, Map.of("error", "not_found",
                    "message", "no outbound interchange " + id + " for partner " + caller.id()));
        }
        MessageRecord m = found.get();
        String fileName = OutboundInterchangeFiles.fileName(m.deliveredTo());
        Optional<byte[]> bytes = outboundFiles.bytes(m);
        if (bytes.isEmpty()) {
            LOG.warn("Partner {} asked for outbound {} ({}): {} is neither where it was delivered nor archived",
                    caller.id(), id, m.interchangeRef(), m.deliveredTo());
            return json(Response.Status.NOT_FOUND, Map.of("error", "file_gone",
                    "message", "outbound interchange " + id + " (" + m.interchangeRef() + ", " + fileName
                            + ") of partner " + caller.id() + " is no longer on the gateway"));
        }
        return Response.ok(bytes.get(), EDIFACT)
                .header("Content-Disposition", "attachment; filename=\"" + fileName.replace("\"", "") + "\"")
                .build();
    }

    /** This resource's OpenAPI 3 description; public, so that partners can read it before they have a log-in. */
    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml")
    public Response openApi() {
        try (InputStream in = InterchangeResource.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI description " + OPENAPI + " is missing from the build");
            }
            return Response.ok(in.readAllBytes(), "application/yaml").build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + OPENAPI, e);
        }
    }

    private Partner caller() {
        return (Partner) request.getAttribute(PartnerAuthFilter.PARTNER);
    }

    private static Optional<Long> parseId(String id) {
        String digits = id.startsWith("I-") ? id.substring(2) : id;
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<InterchangeRecord> find(long id) {
        try {
            return Optional.of(journal.interchange(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Its partner once the pipeline (or a refusal) has named one; before that, its UNB sender. */
    private boolean owns(Partner caller, InterchangeRecord r) {
        if (r.partnerId() != null) {
            return r.partnerId().equals(caller.id());
        }
        Optional<InterchangeHeader> h = submission.header(r.rawBytes());
        return h.isPresent() && caller.isIdentifiedBy(h.get().senderId(), h.get().senderQualifier());
    }

    private static Response json(Response.Status status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(JsonBody.of(body)).build();
    }
}
