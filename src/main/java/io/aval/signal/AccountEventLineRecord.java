package io.aval.signal;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of an {@link AccountEventRecord}, as columns so volumes and prices can be queried in SQL. */
@Entity
@Table(name = "account_event_line")
public class AccountEventLineRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "line_number", length = 16)
    private String lineNumber;

    @Column(name = "product_id", length = 70)
    private String productId;

    @Column(name = "quantity", precision = 18, scale = 4)
    private BigDecimal quantity;

    @Column(name = "unit_price", precision = 18, scale = 6)
    private BigDecimal unitPrice;

    @Column(name = "line_amount", precision = 18, scale = 4)
    private BigDecimal lineAmount;

    protected AccountEventLineRecord() {
    }

    public String productId() {
        return productId;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }
}
