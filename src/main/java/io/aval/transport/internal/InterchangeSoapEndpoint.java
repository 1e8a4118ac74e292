package io.aval.transport.internal;

import io.aval.partner.Partner;
import io.aval.transport.InterchangeSubmissionService;
import io.aval.transport.SubmissionRefused;
import jakarta.jws.WebService;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/** The SOAP service's implementation: the caller comes from {@link PartnerAuthFilter} (Basic) or {@link UsernameTokenAuthenticator} (WS-Security). */
@WebService(endpointInterface = "io.aval.transport.InterchangeSubmissionService",
        serviceName = "InterchangeSubmissionService", portName = "InterchangeSubmissionPort",
        targetNamespace = InterchangeSubmissionService.NAMESPACE)
public final class InterchangeSoapEndpoint implements InterchangeSubmissionService {

    private final PartnerSubmission submission;

    public InterchangeSoapEndpoint(PartnerSubmission submission) {
        this.submission = submission;
    }

    @Override
    public String submit(byte[] interchange, String fileName) throws SubmissionRefused {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        HttpServletRequest request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        Partner caller = (Partner) request.getAttribute(PartnerAuthFilter.PARTNER);
        PartnerSubmission.Outcome outcome = submission.submit(caller, interchange == null ? new byte[0] : interchange,
                "soap", fileName == null || fileName.isBlank() ? "soap-upload" : fileName);
        if (!outcome.accepted()) {
            throw new SubmissionRefused(outcome.refusal() + " (journal " + outcome.journalRef() + ")");
        }
        return outcome.journalRef();
    }
}
