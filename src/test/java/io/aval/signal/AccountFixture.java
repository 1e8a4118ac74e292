package io.aval.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A customer account writing plausible orders; the defaults make a steady, unremarkable account. */
final class AccountFixture {

    static final String JOINT = "4000862141404";
    static final String BRIDE = "4000862141411";
    static final String VANNE = "4000862141428";

    final String gln;
    String contact = "Marie Dupont";
    String email = "marie.dupont@acme.example";
    String siteGln = "5412345000099";
    String siteName = "Acme Entrepot Lyon";
    String siteCity = "Lyon";
    String sitePostcode = "69007";
    String siteCountry = "FR";
    int leadDays = 7;
    private int seq;

    AccountFixture(String gln) {
        this.gln = gln;
    }

    String nextOrderNumber() {
        return "PO-" + gln.substring(gln.length() - 4) + "-" + (++seq);
    }

    /** An order of the two usual products (480 joints at 1.25, 24 flanges at 7.10). */
    EdifactMessage order(LocalDate date) {
        return bareOrder(date).line(JOINT, "Joint torique 40mm", 480, "1.25").line(BRIDE, "Bride inox DN50", 24, "7.10");
    }

    /** An order with header, parties and requested date but no line yet. */
    EdifactMessage bareOrder(LocalDate date) {
        return EdifactMessage.orders(nextOrderNumber(), date).requested(date.plusDays(leadDays))
                .buyer(gln, contact, email)
                .deliverTo(siteGln, siteName, "12 rue des Docks", siteCity, sitePostcode, siteCountry);
    }

    /** {@code count} usual orders every {@code gapDays} from {@code start}. */
    List<EdifactMessage> orders(LocalDate start, int count, int gapDays) {
        List<EdifactMessage> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(order(start.plusDays((long) i * gapDays)));
        }
        return out;
    }
}
