package dev.pitwall.server;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.scoring.Standings;
import dev.pitwall.core.scoring.StandingsRow;

import java.util.List;
import java.util.Locale;

/**
 * The points progression of the leading drivers as a self-contained SVG, for embedding in articles. Every name is
 * escaped: names come from results files.
 */
final class ProgressionSvg {

    private static final String[] COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
            "#17becf", "#7f7f7f", "#bcbd22"};
    private static final int WIDTH = 820;
    private static final int HEIGHT = 420;
    private static final int LEFT = 50;
    private static final int RIGHT = 190;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private ProgressionSvg() {
    }

    static String of(Championship championship) {
        List<Standings> tables = Standings.progression(championship);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\" aria-labelledby=\"t\">\n");
        svg.append("<title id=\"t\">").append(escape(championship.name())).append(": points after each race</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"24\" font-size=\"16\" font-weight=\"bold\">")
                .append(escape(championship.name())).append("</text>\n");
        if (tables.isEmpty()) {
            svg.append("<text x=\"").append(LEFT).append("\" y=\"80\">No race has been run yet.</text>\n</svg>\n");
            return svg.toString();
        }
        List<StandingsRow> leaders = tables.getLast().rows().stream().limit(COLOURS.length).toList();
        double max = Math.max(1, leaders.stream().mapToDouble(r -> value(r.points())).max().orElse(1));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int n = tables.size();
        // Axes, gridlines and race labels.
        for (int k = 0; k <= 4; k++) {
            double v = max * k / 4;
            double y = TOP + plotHeight - plotHeight * k / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, y, LEFT + plotWidth, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%s</text>%n", LEFT - 6, y + 4,
                    trim(v)));
        }
        for (int i = 0; i < n; i++) {
            double x = x(i, n, plotWidth);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n", x,
                    TOP + plotHeight + 20, escape(tables.get(i).after().orElseThrow().name())));
        }
        for (int d = 0; d < leaders.size(); d++) {
            String driver = leaders.get(d).name();
            StringBuilder points = new StringBuilder();
            double lastY = 0;
            for (int i = 0; i < n; i++) {
                double v = tables.get(i).rowOf(driver).map(r -> value(r.points())).orElse(0.0);
                lastY = TOP + plotHeight - plotHeight * v / max;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, n, plotWidth), lastY));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(COLOURS[d]).append("\" points=\"")
                    .append(points.toString().strip()).append("\"><title>").append(escape(driver)).append("</title></polyline>\n");
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"%s\">%s %s</text>%n", LEFT + plotWidth + 8,
                    lastY + 4 + d * 0.01, COLOURS[d], escape(driver), escape(leaders.get(d).points().toString())));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double x(int i, int n, int plotWidth) {
        return LEFT + (n == 1 ? plotWidth / 2.0 : plotWidth * i / (double) (n - 1));
    }

    private static double value(Points p) {
        return (double) p.numerator() / p.denominator();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
