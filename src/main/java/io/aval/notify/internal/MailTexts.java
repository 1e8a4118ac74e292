package io.aval.notify.internal;

import io.aval.notify.AccountDirectory.Language;
import io.aval.signal.DownstreamFunction;
import io.aval.signal.Severity;
import io.aval.signal.SignalType;
import java.util.EnumMap;
import java.util.Map;

/** The words of the rep emails and the feedback page, in French and English. */
public final class MailTexts {

    private static final Map<SignalType, String[]> TYPES = new EnumMap<>(SignalType.class);

    static {
        type(SignalType.VOLUME_DECLINE, "Baisse des volumes commandés", "Ordered volume decline");
        type(SignalType.ORDER_SILENCE, "Silence de commande", "Order silence");
        type(SignalType.PRODUCT_DROPPED, "Produit abandonné", "Product dropped");
        type(SignalType.NEW_DELIVERY_SITE, "Nouveau site de livraison", "New delivery site");
        type(SignalType.NEW_EXPORT_DESTINATION, "Nouvelle destination export", "New export destination");
        type(SignalType.LARGE_ORDER, "Commande exceptionnelle", "Large order");
        type(SignalType.NEW_PRODUCT, "Nouveau produit commandé", "New product ordered");
        type(SignalType.URGENCY_PATTERN, "Commandes urgentes répétées", "Repeated urgent orders");
        type(SignalType.DISPUTE, "Litige", "Dispute");
        type(SignalType.PRICE_MISMATCH, "Écart de prix", "Price mismatch");
        type(SignalType.COMPETITOR_MENTION, "Concurrent mentionné", "Competitor mentioned");
        type(SignalType.DELIVERY_SHORTFALL, "Livraison incomplète ou en retard", "Short or late delivery");
        type(SignalType.CONTACT_CHANGE, "Changement d'interlocuteur", "Buyer contact change");
        type(SignalType.STOCK_LOW, "Stock client bas", "Customer stock low");
    }

    private static void type(SignalType t, String fr, String en) {
        TYPES.put(t, new String[] {fr, en});
    }

    private final Language language;

    public MailTexts(Language language) {
        this.language = language;
    }

    private String pick(String fr, String en) {
        return language == Language.FR ? fr : en;
    }

    public String type(SignalType t) {
        return TYPES.get(t)[language == Language.FR ? 0 : 1];
    }

    public String severity(Severity s) {
        return switch (s) {
            case HIGH -> pick("Élevée", "High");
            case MEDIUM -> pick("Moyenne", "Medium");
            case LOW -> pick("Faible", "Low");
        };
    }

    public String function(DownstreamFunction f) {
        return switch (f) {
            case ADV -> pick("ADV (administration des ventes)", "ADV (sales administration)");
            case LOGISTICS -> pick("Logistique", "Logistics");
            case SAV -> pick("SAV (service après-vente)", "SAV (after-sales service)");
        };
    }

    public String alertSubject(String accountName, SignalType t) {
        return pick("[Aval] Alerte " + accountName + " : " + type(t), "[Aval] Alert " + accountName + ": " + type(t));
    }

    public String digestSubject(String day, int count) {
        return pick("[Aval] Synthèse du " + day + " : " + count + (count > 1 ? " signaux" : " signal"),
                "[Aval] Digest for " + day + ": " + count + " signal" + (count > 1 ? "s" : ""));
    }

    public String greeting(String repName) {
        return pick("Bonjour " + repName + ",", "Hello " + repName + ",");
    }

    public String alertIntro() {
        return pick("Un signal important vient d'être détecté sur l'un de vos comptes.",
                "An important signal was just detected on one of your accounts.");
    }

    public String digestIntro() {
        return pick("Voici les signaux détectés sur vos comptes, les plus importants en premier.",
                "Here are the signals detected on your accounts, most important first.");
    }

    public String more(int n) {
        return pick(n + " autre(s) signal(s) pour ce compte suivront dans la prochaine synthèse.",
                n + " more signal(s) for this account will follow in the next digest.");
    }

    public String date() {
        return pick("Date", "Date");
    }

    public String severityLabel() {
        return pick("Importance", "Severity");
    }

    public String seenBy() {
        return pick("Vu par", "Seen by");
    }

    public String evidence() {
        return pick("Éléments", "Evidence");
    }

    public String document() {
        return pick("Document", "Document");
    }

    public String chartCaption() {
        return pick("Volume commandé par mois (24 mois), mois du signal en rouge",
                "Ordered volume per month (24 months), the signal's month in red");
    }

    public String chartSeries() {
        return pick("Volume commandé", "Ordered volume");
    }

    public String chartSignal() {
        return pick("Mois du signal", "Signal month");
    }

    public String question() {
        return pick("Ce signal vous a-t-il été utile ?", "Was this signal useful?");
    }

    public String useful() {
        return pick("Utile", "Useful");
    }

    public String notUseful() {
        return pick("Pas utile", "Not useful");
    }

    public String footer() {
        return pick("Message envoyé par Aval, la passerelle EDI. Les fonctions en copie ont vu ce signal passer dans leurs flux.",
                "Sent by Aval, the EDI gateway. The functions in copy saw this signal pass through their flows.");
    }
}
