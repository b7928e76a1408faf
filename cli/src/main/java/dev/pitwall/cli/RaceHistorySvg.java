package dev.pitwall.cli;

import dev.pitwall.strategy.RaceOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A race history as a standalone SVG: every driver's gap to the leader at the end of each lap, one line each, the
 * winner's along the top. Gaps beyond the last car on the lead lap are cut at the chart's edge, so lapped and
 * retired cars do not flatten the fight. Names come from files: they are escaped.
 */
final class RaceHistorySvg {

    private static final String[] COLOURS = {"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324",
            "#800000", "#469990", "#000075", "#808000", "#bfef45", "#fabed4", "#a9a9a9", "#dcbeff", "#ffe119", "#aaffc3", "#ffd8b1", "#000000"};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;
    private static final int LEFT = 60;
    private static final int RIGHT = 110;
    private static final int TOP = 40;
    private static final int BOTTOM = 40;

    private RaceHistorySvg() {
    }

    static String of(String title, RaceOutcome outcome) {
        List<String> drivers = outcome.order();
        int laps = 0;
        for (double[] times : outcome.raceTimeByLap().values()) {
            laps = Math.max(laps, times.length);
        }
        double[] leader = new double[laps];
        java.util.Arrays.fill(leader, Double.MAX_VALUE);
        for (double[] times : outcome.raceTimeByLap().values()) {
            for (int k = 0; k < times.length; k++) {
                leader[k] = Math.min(leader[k], times[k]);
            }
        }
        double maxGap = 1;
        for (String d : drivers) {
            double[] times = outcome.raceTimeByLap().get(d);
            if (times.length == laps) {
                maxGap = Math.max(maxGap, times[laps - 1] - leader[laps - 1]);
            }
        }
        // A round step for the grid (1, 2 or 5 times a power of ten), and the chart's height a whole number of steps.
        double raw = maxGap * 1.1 / 10;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double gridStep = raw <= power ? power : raw <= 2 * power ? 2 * power : raw <= 5 * power ? 5 * power : 10 * power;
        int lines = (int) Math.ceil(maxGap * 1.1 / gridStep);
        maxGap = lines * gridStep;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<title>").append(escape(title)).append(": gap to the leader, lap by lap</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"24\" font-size=\"16\">").append(escape(title))
                .append(": gap to the leader (s), lap by lap</text>\n");
        svg.append("<clipPath id=\"plot\"><rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(fmt(plotW))
                .append("\" height=\"").append(fmt(plotH)).append("\"/></clipPath>\n");
        // Axes and grid: a line every tenth of the height, a tick every lap (or every few laps in a long race).
        for (int i = 0; i <= lines; i++) {
            double y = TOP + plotH * i / lines;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(fmt(LEFT + plotW)).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#e0e0e0\"/>\n");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4)).append("\" text-anchor=\"end\">")
                    .append(fmt(gridStep * i)).append("</text>\n");
        }
        int step = Math.max(1, laps / 20);
        for (int k = 1; k <= laps; k += step) {
            double x = x(k, laps, plotW);
            svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 16).append("\" text-anchor=\"middle\">")
                    .append(k).append("</text>\n");
        }
        svg.append("<text x=\"").append(fmt(LEFT + plotW / 2)).append("\" y=\"").append(HEIGHT - 6).append("\" text-anchor=\"middle\">lap</text>\n");
        record Label(double x, double y, String driver, String colour) {
        }
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < drivers.size(); i++) {
            String d = drivers.get(i);
            double[] times = outcome.raceTimeByLap().get(d);
            if (times.length == 0) {
                continue;
            }
            String colour = COLOURS[i % COLOURS.length];
            List<String> points = new ArrayList<>();
            for (int k = 0; k < times.length; k++) {
                points.add(fmt(x(k + 1, laps, plotW)) + "," + fmt(TOP + plotH * Math.min(1.02, (times[k] - leader[k]) / maxGap)));
            }
            svg.append("<polyline clip-path=\"url(#plot)\" fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour)
                    .append("\" points=\"").append(String.join(" ", points)).append("\"><title>").append(escape(d)).append("</title></polyline>\n");
            double lastY = TOP + plotH * Math.min(1.0, (times[times.length - 1] - leader[times.length - 1]) / maxGap);
            labels.add(new Label(x(times.length, laps, plotW) + 6, lastY + 4, d, colour));
        }
        // Labels at the end of their lines, pushed apart where they would overlap.
        labels.sort(java.util.Comparator.comparingDouble(Label::y));
        double previous = Double.NEGATIVE_INFINITY;
        for (Label l : labels) {
            double y = Math.max(l.y(), previous + 13);
            previous = y;
            svg.append("<text x=\"").append(fmt(l.x())).append("\" y=\"").append(fmt(y)).append("\" fill=\"").append(l.colour())
                    .append("\">").append(escape(l.driver())).append("</text>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double x(int lap, int laps, double plotW) {
        return LEFT + (laps <= 1 ? 0 : plotW * (lap - 1) / (laps - 1));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
