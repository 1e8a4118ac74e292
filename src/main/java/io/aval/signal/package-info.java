/**
 * Account signals: reads every business document flowing through the gateway as an
 * {@link io.aval.signal.AccountEvent}, keeps a per-account history in the database, and raises
 * {@link io.aval.signal.Signal}s from the catalogue (DESIGN.md, "Signals — the catalogue").
 *
 * <p>Wiring, in order: register {@link io.aval.signal.SignalEntities#CLASSES} in the shared
 * EntityManagerFactory (tables from {@code db/migration/{h2,postgresql}/V10__signals.sql}); load
 * {@link io.aval.signal.SignalSettings#load(java.nio.file.Path)} from {@code config/signals.yaml};
 * build one {@link io.aval.signal.SignalEngine}; for each parsed message call
 * {@link io.aval.signal.AccountEventExtractor#extract} (EDIFACT, stock XML) or
 * {@link io.aval.signal.UblAccountEventExtractor#extract} (UBL) and pass the event to
 * {@link io.aval.signal.SignalEngine#accept}, per account in business-date order; call
 * {@link io.aval.signal.SignalEngine#advanceBusinessTime} when an import ends or on a timer with the
 * newest business date; list with {@link io.aval.signal.SignalStore#list}.
 *
 * <p>Everything runs on business dates, never the wall clock.
 */
package io.aval.signal;
