package io.aval.signal;

/** Which way a message travelled, seen from the supplier running Aval. */
public enum Direction {
    /** Customer (or carrier) to supplier: ORDERS, RECADV, REMADV, stock reports. */
    INBOUND,
    /** Supplier to customer: ORDRSP, DESADV, INVOIC. */
    OUTBOUND
}
