package io.aval.transport.internal;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure of the REST resource answers in JSON; stack traces go to the log, never to the partner. */
public final class JsonExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(JsonExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(JsonBody.error(Response.Status.Family.familyOf(status) == Response.Status.Family.CLIENT_ERROR
                            ? "bad_request" : "error", web.getMessage())).build();
        }
        LOG.error("Partner REST request failed", e);
        return Response.serverError().type(MediaType.APPLICATION_JSON)
                .entity(JsonBody.error("internal", "the gateway could not handle the request; it has been logged")).build();
    }
}
