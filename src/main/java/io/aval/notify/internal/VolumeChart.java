package io.aval.notify.internal;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The PNG bar chart of an account's monthly ordered volume, the signal's month in another colour. */
public final class VolumeChart {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private VolumeChart() {
    }

    /**
     * @param volumes ordered quantity per month, oldest first, every month present (zeros included)
     * @param marked  the signal's month
     */
    public static byte[] png(Map<YearMonth, BigDecimal> volumes, YearMonth marked, String title, String series, String signal) {
        List<String> months = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        List<Number> mark = new ArrayList<>();
        for (Map.Entry<YearMonth, BigDecimal> e : volumes.entrySet()) {
            months.add(e.getKey().toString());
            values.add(e.getKey().equals(marked) ? 0 : e.getValue());
            mark.add(e.getKey().equals(marked) ? e.getValue() : 0);
        }
        CategoryChart chart = new CategoryChartBuilder().width(640).height(260).title(title).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x4a, 0x78, 0xb0), new Color(0xd0, 0x30, 0x30)});
        chart.addSeries(series, months, values);
        chart.addSeries(signal, months, mark);
        return encode(chart);
    }

    static byte[] encode(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw chart", e);
        }
    }

    /** A grouped bar chart (categories × series), as PNG. */
    public static byte[] bars(String title, List<String> categories, Map<String, List<? extends Number>> series) {
        CategoryChart chart = new CategoryChartBuilder().width(720).height(320).title(title).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        for (Map.Entry<String, List<? extends Number>> e : series.entrySet()) {
            chart.addSeries(e.getKey(), categories, e.getValue());
        }
        return encode(chart);
    }
}
