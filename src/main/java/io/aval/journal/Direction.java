package io.aval.journal;

/** Which way a message travels, seen from the supplier. */
public enum Direction {
    /** From a trading partner to the supplier's systems. */
    INBOUND,
    /** From the supplier's systems to a trading partner. */
    OUTBOUND
}
