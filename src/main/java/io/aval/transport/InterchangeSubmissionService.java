package io.aval.transport;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;

/**
 * The partners' SOAP service (document/literal): the same submission as
 * {@code POST /partners/interchanges}, for partners whose middleware speaks SOAP. The caller
 * authenticates with HTTP Basic on the endpoint or with a WS-Security UsernameToken (PasswordText)
 * in the SOAP header, against the same credentials; the WSDL is published at
 * {@code /soap/interchanges?wsdl}.
 */
@WebService(name = "InterchangeSubmission", targetNamespace = InterchangeSubmissionService.NAMESPACE)
public interface InterchangeSubmissionService {

    String NAMESPACE = "urn:aval:partners:1";

    /** Journals the interchange and returns its journal id ({@code I-<n>}). */
    @WebMethod(operationName = "submit")
    @WebResult(name = "journalId")
    String submit(@WebParam(name = "interchange") byte[] interchange,
                  @WebParam(name = "fileName") String fileName) throws SubmissionRefused;
}
