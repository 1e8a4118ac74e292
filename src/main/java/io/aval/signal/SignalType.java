package io.aval.signal;

/**
 * The signal catalogue (DESIGN.md, "Signals — the catalogue"). Each constant says when it fires and
 * which downstream function it credits by default.
 */
public enum SignalType {
    /** Ordered quantity falls well below its baseline while the account keeps ordering as often. */
    VOLUME_DECLINE(DownstreamFunction.ADV),
    /** No order for much longer than the account's own cadence: possibly the last order. */
    ORDER_SILENCE(DownstreamFunction.ADV),
    /** A regularly ordered product stops appearing while other products are still ordered. */
    PRODUCT_DROPPED(DownstreamFunction.ADV),
    /** A delivery party or address never seen for the account: a new plant or warehouse. */
    NEW_DELIVERY_SITE(DownstreamFunction.LOGISTICS),
    /** A delivery country never seen for the account. */
    NEW_EXPORT_DESTINATION(DownstreamFunction.LOGISTICS),
    /** Order value far above the account's own history. */
    LARGE_ORDER(DownstreamFunction.ADV),
    /** First order of a product after the account's learning period. */
    NEW_PRODUCT(DownstreamFunction.ADV),
    /** Most recent orders ask for delivery in less than the account's normal lead time. */
    URGENCY_PATTERN(DownstreamFunction.ADV),
    /** Credit notes, receipt discrepancies, remittance deductions. */
    DISPUTE(DownstreamFunction.SAV),
    /** Invoiced net price differs from the ordered or agreed price. */
    PRICE_MISMATCH(DownstreamFunction.ADV),
    /** A configured competitor name appears in free text. */
    COMPETITOR_MENTION(DownstreamFunction.SAV),
    /** Short or late despatch against the order. */
    DELIVERY_SHORTFALL(DownstreamFunction.LOGISTICS),
    /** The customer's buyer contact changes. */
    CONTACT_CHANGE(DownstreamFunction.ADV),
    /** A stock report shows cover below threshold (not detected yet: needs INVRPT/SLSRPT). */
    STOCK_LOW(DownstreamFunction.LOGISTICS);

    private final DownstreamFunction defaultFunction;

    SignalType(DownstreamFunction defaultFunction) {
        this.defaultFunction = defaultFunction;
    }

    public DownstreamFunction defaultFunction() {
        return defaultFunction;
    }
}
