package io.aval.notify;

import io.aval.notify.FeedbackTokens.Answer;
import io.aval.notify.internal.EmailComposer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The "useful / not useful" links of the rep emails (JAX-RS, served by CXF). Following a link
 * ({@code GET /feedback?t=TOKEN}) records nothing: it answers a page with one button, which posts the
 * token back ({@code POST /feedback}, form field {@code t}); the answer is recorded then. Mail
 * security scanners follow every link of a message they inspect — both answers of every signal — and
 * do not press buttons, so only a rep's click counts.
 * <p>A token this gateway did not sign, or one altered to name another signal or the other answer,
 * is refused with 403 on both; posting the same answer again changes nothing, the other answer
 * replaces the first.
 */
@Path("/feedback")
public class FeedbackResource {

    private static final String PAGE = "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>Aval</title></head>"
            + "<body style=\"font-family:Arial,Helvetica,sans-serif\">%s</body></html>";
    private static final String FORM = "<form method=\"post\" action=\"feedback\">"
            + "<input type=\"hidden\" name=\"t\" value=\"%s\">"
            + "<button type=\"submit\" style=\"font-size:1.1em;padding:.5em 1.2em\">%s<br>%s</button></form>";

    private final FeedbackTokens tokens;
    private final FeedbackStore store;

    public FeedbackResource(FeedbackTokens tokens, FeedbackStore store) {
        this.tokens = tokens;
        this.store = store;
    }

    /** The link in the email: checks the token and asks for the click that records it. */
    @GET
    @Produces("text/html;charset=UTF-8")
    public Response confirm(@QueryParam("t") String token) {
        Optional<Answer> answer = tokens.verify(token);
        if (answer.isEmpty()) {
            return invalid();
        }
        String form = String.format(FORM, EmailComposer.escape(token),
                answer.get().useful() ? "Confirmer : signal utile" : "Confirmer : signal pas utile",
                answer.get().useful() ? "Confirm: signal useful" : "Confirm: signal not useful");
        return Response.ok(String.format(PAGE, form)).type("text/html;charset=UTF-8").build();
    }

    /** The button of that page: records the answer. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("text/html;charset=UTF-8")
    public Response answer(@FormParam("t") String token) {
        Optional<Answer> answer = tokens.verify(token);
        if (answer.isEmpty()) {
            return invalid();
        }
        FeedbackStore.Outcome outcome = store.record(answer.get());
        if (outcome == FeedbackStore.Outcome.UNKNOWN_SIGNAL) {
            return page(Response.Status.NOT_FOUND, "Ce signal n'existe plus.", "This signal no longer exists.");
        }
        return answer.get().useful()
                ? page(Response.Status.OK, "Merci : signal noté comme utile.", "Thank you: signal marked as useful.")
                : page(Response.Status.OK, "Merci : signal noté comme pas utile.", "Thank you: signal marked as not useful.");
    }

    private static Response invalid() {
        return page(Response.Status.FORBIDDEN, "Lien invalide ou modifié.", "Invalid or altered link.");
    }

    private static Response page(Response.Status status, String fr, String en) {
        return Response.status(status).entity(String.format(PAGE, "<p>" + fr + "</p><p>" + en + "</p>"))
                .type("text/html;charset=UTF-8").build();
    }
}
