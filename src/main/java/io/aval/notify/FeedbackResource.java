package io.aval.notify;

import io.aval.notify.FeedbackTokens.Answer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code GET /feedback?t=TOKEN}: the "useful / not useful" links of the rep emails (JAX-RS, served by
 * CXF). A token this gateway did not sign, or one altered to name another signal or the other answer,
 * is refused with 403; following the same link again changes nothing.
 *
 * <p>A GET because a link in an email is followed with one; the answer is idempotent, so a mail
 * scanner that prefetches links can at worst record an answer the rep can still change.
 */
@Path("/feedback")
public class FeedbackResource {

    private static final String PAGE = "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>Aval</title></head>"
            + "<body style=\"font-family:Arial,Helvetica,sans-serif\"><p>%s</p><p>%s</p></body></html>";

    private final FeedbackTokens tokens;
    private final FeedbackStore store;

    public FeedbackResource(FeedbackTokens tokens, FeedbackStore store) {
        this.tokens = tokens;
        this.store = store;
    }

    @GET
    @Produces("text/html;charset=UTF-8")
    public Response answer(@QueryParam("t") String token) {
        Optional<Answer> answer = tokens.verify(token);
        if (answer.isEmpty()) {
            return page(Response.Status.FORBIDDEN, "Lien invalide ou modifié.", "Invalid or altered link.");
        }
        FeedbackStore.Outcome outcome = store.record(answer.get());
        if (outcome == FeedbackStore.Outcome.UNKNOWN_SIGNAL) {
            return page(Response.Status.NOT_FOUND, "Ce signal n'existe plus.", "This signal no longer exists.");
        }
        return answer.get().useful()
                ? page(Response.Status.OK, "Merci : signal noté comme utile.", "Thank you: signal marked as useful.")
                : page(Response.Status.OK, "Merci : signal noté comme pas utile.", "Thank you: signal marked as not useful.");
    }

    private static Response page(Response.Status status, String fr, String en) {
        return Response.status(status).entity(String.format(PAGE, fr, en)).type("text/html;charset=UTF-8").build();
    }
}
