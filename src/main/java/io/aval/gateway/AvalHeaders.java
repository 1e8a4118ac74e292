package io.aval.gateway;

/** Names of the Camel/JMS headers the routes and beans share. */
public final class AvalHeaders {

    /** How the bytes arrived: file, import, sftp, as2, soap, rest. */
    public static final String TRANSPORT = "AvalTransport";
    /** Name of the received file or upload, as the sender gave it. */
    public static final String SOURCE_NAME = "AvalSourceName";
    /** {@link io.aval.journal.ProcessingMode} of the interchange: DELIVER or ARCHIVE. */
    public static final String MODE = "AvalMode";
    /** Journal id of the interchange being processed. */
    public static final String INTERCHANGE_ID = "AvalInterchangeId";
    /** Journal id of the message being processed. */
    public static final String MESSAGE_ID = "AvalMessageId";
    /** Trading partner id from the partner directory. */
    public static final String PARTNER = "AvalPartner";
    /** Account the partner belongs to: the JMS group of the signal side. */
    public static final String ACCOUNT = "AvalAccount";
    /** Message type (ORDERS, INVOIC, …). */
    public static final String MESSAGE_TYPE = "AvalMessageType";
    /** Absolute path of the mapping (XSLT) to apply. */
    public static final String MAPPING = "AvalMapping";
    /** UBL document type the mapping produces (Order, Invoice, …), for validation. */
    public static final String DOCUMENT_TYPE = "AvalDocumentType";

    /** What a queued body is: "interchange" or "message" journal id; set just before each queue send. */
    public static final String STAGE = "AvalStage";

    /** The queue a message id goes to next, chosen by the interchange stage. */
    public static final String QUEUE = "AvalQueue";
    /** Document number of the message being processed (BGM 1004), for file names. */
    public static final String DOCUMENT_NUMBER = "AvalDocumentNumber";

    /**
     * Artemis duplicate detection ({@code _AMQ_DUPL_ID}): a send whose id the broker has already
     * taken for that address is dropped. Set to {@code interchange-<id>} / {@code message-<id>}, so
     * the start-up {@link RecoverySweep} can re-send work that may or may not be queued already.
     */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private AvalHeaders() {
    }
}
