package io.aval.signal;

/** The downstream function whose flow produced a signal, credited in the contribution report. */
public enum DownstreamFunction {
    /** Sales administration (order desk): ORDERS, ORDRSP, invoice prices. */
    ADV,
    /** Logistics: despatch, delivery sites, stock reports. */
    LOGISTICS,
    /** After-sales service: credit notes, receipt discrepancies, remittance deductions. */
    SAV
}
