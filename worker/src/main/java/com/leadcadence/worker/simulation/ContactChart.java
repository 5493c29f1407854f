package com.leadcadence.worker.simulation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Share of leads contacted by day since arrival, one line per plan, drawn with JFreeChart. */
public final class ContactChart {
  private ContactChart() {}

  public static void writePng(List<PlanOutcome> outcomes, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYSeriesCollection data = new XYSeriesCollection();
    for (PlanOutcome o : outcomes) {
      XYSeries series = new XYSeries(o.plan() + " (" + Math.round(100 * o.contactRate()) + " %)");
      double[] byDay = o.contactByDay();
      for (int day = 0; day < byDay.length; day++) {
        series.add(day, 100 * byDay[day]);
      }
      data.addSeries(series);
    }
    NumberAxis days = new NumberAxis("days since the lead arrived");
    days.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberAxis share = new NumberAxis("leads contacted (%)");
    share.setRange(0, 100);
    XYStepRenderer renderer = new XYStepRenderer();
    for (int i = 0; i < outcomes.size(); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(2.5f));
    }
    XYPlot plot = new XYPlot(data, days, share, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart("Contact over the month, per plan", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    Files.createDirectories(file.toAbsolutePath().getParent());
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 500);
  }
}
