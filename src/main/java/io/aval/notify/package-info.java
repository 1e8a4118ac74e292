/**
 * Rep notification: signals reach the rep who owns the account by email, reps say whether each was
 * useful, and managers read what each downstream function contributed.
 *
 * <p>Account teams come from {@code config/accounts.yaml} ({@link io.aval.notify.AccountDirectory}).
 * {@link io.aval.notify.RepNotifier} sends HIGH signals at once ({@code sendAlerts}) and everything
 * else in a daily digest per rep ({@code sendDigests(businessDay)}), through
 * {@link io.aval.notify.MailDelivery} (SMTP, or {@code .eml} files in {@code DATA/outbox/}); what was
 * sent is in {@link io.aval.notify.SignalNotification}, unique per signal. Each signal in an email
 * carries two links signed by {@link io.aval.notify.FeedbackTokens}, answered by
 * {@link io.aval.notify.FeedbackResource} (JAX-RS on CXF, started by
 * {@link io.aval.notify.FeedbackServer}) into {@link io.aval.notify.SignalFeedback}.
 * {@link io.aval.notify.ContributionReport} sums signals, answers and leads per function and account.
 *
 * <p>Wiring: register {@link io.aval.notify.NotifyEntities#CLASSES} next to the signal entities
 * (tables from {@code db/migration/{h2,postgresql}/V30__notifications.sql}); bind
 * {@code RepNotifier.create(config, emf)} as {@code repNotifier} for {@code routes/notify-*.camel.yaml}
 * (started by {@code aval.notify.enabled}); start {@code FeedbackServer.start(config, emf)} and close
 * it with the gateway.
 */
package io.aval.notify;
