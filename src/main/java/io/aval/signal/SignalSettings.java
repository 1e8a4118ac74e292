package io.aval.signal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Every signal threshold, read from {@code config/signals.yaml} (kebab-case keys). A key missing from
 * the file keeps the default written here, which is the default documented in that file.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class SignalSettings {

    /** "First seen" signals stay quiet until the account has this much history. */
    public static final class Learning {
        public int minOrders = 5;
        public int minDays = 60;
    }

    public static final class VolumeDecline {
        public double dropRatio = 0.30;
        public int windowMonths = 3;
        public int baselineMonths = 6;
        public double ewmaAlpha = 0.3;
        public double minFrequencyRatio = 0.75;
        public int minBaselineOrders = 6;
        public int cooldownMonths = 12;
        public double productMinShare = 0.10;
    }

    public static final class OrderSilence {
        public double gapFactor = 2.0;
        public int minDays = 30;
        public int minOrders = 6;
        public int seasonalToleranceDays = 21;
    }

    public static final class ProductDropped {
        public int minAppearances = 4;
        public double minShare = 0.5;
        public int minSpanOrders = 8;
        public double absentFactor = 3.0;
        public int minAbsentOrders = 4;
        public int windowOrders = 200;
    }

    public static final class LargeOrder {
        public double medianFactor = 3.0;
        public double percentile = 95;
        public double percentileMargin = 1.5;
        public double robustZ = 3.5;
        public int minHistoryOrders = 8;
        public double highFactor = 5.0;
        public int baselineOrders = 100;
    }

    public static final class Urgency {
        public int recentOrders = 5;
        public double minUrgentShare = 0.6;
        public double leadTimeRatio = 0.5;
        public int minBaselineOrders = 8;
        public int cooldownDays = 90;
        /** The normal lead time is the median of the account's last this many orders (with a requested date) before the recent ones. */
        public int baselineOrders = 100;
    }

    public static final class PriceMismatch {
        public double tolerance = 0.01;
    }

    public static final class DeliveryShortfall {
        public double quantityTolerance = 0.02;
        public int lateGraceDays = 0;
    }

    public static final class Dispute {
        public int highCount = 3;
        public int highWindowDays = 90;
    }

    public static final class ContactChange {
        public int minOrdersWithPrevious = 3;
    }

    public Learning learning = new Learning();
    public VolumeDecline volumeDecline = new VolumeDecline();
    public OrderSilence orderSilence = new OrderSilence();
    public ProductDropped productDropped = new ProductDropped();
    public LargeOrder largeOrder = new LargeOrder();
    public Urgency urgency = new Urgency();
    public PriceMismatch priceMismatch = new PriceMismatch();
    public DeliveryShortfall deliveryShortfall = new DeliveryShortfall();
    public Dispute dispute = new Dispute();
    public ContactChange contactChange = new ContactChange();
    /**
     * Decoded account history the engine keeps in memory between evaluations, in lines (an event
     * weighs one plus its lines; all accounts together, least recently used dropped first). The
     * database stays the truth either way.
     */
    public long historyCacheLines = 500_000;
    /**
     * The most of one account's history the detectors see, in lines: its latest events up to this
     * weight. It bounds memory for accounts with very long histories (an archive of hundreds of
     * megabytes); keep it well above the longest window a detector looks at.
     */
    public long historyWindowLines = 150_000;
    /** Competitor names looked for in free texts, accent- and case-insensitive. */
    public List<String> competitors = List.of();
    /** Agreed net prices: account id → product id → price. */
    public Map<String, Map<String, BigDecimal>> agreedPrices = Map.of();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static SignalSettings defaults() {
        return new SignalSettings();
    }

    /** Loads {@code signals.yaml}; an empty file gives the defaults. */
    public static SignalSettings load(Path yaml) {
        try (InputStream in = Files.newInputStream(yaml)) {
            return load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read signal settings " + yaml, e);
        }
    }

    public static SignalSettings load(InputStream yaml) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = YAML.readTree(yaml);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return new SignalSettings();
            }
            return YAML.readerForUpdating(new SignalSettings()).readValue(tree);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid signal settings: " + e.getMessage(), e);
        }
    }
}
