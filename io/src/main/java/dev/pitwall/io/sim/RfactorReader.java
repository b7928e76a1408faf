package dev.pitwall.io.sim;

import dev.pitwall.io.InvalidInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rFactor XML family (rFactor 2, rFactor 1, Automobilista 1, Game Stock Car): one {@code <Driver>} per car,
 * not in order. In a race the classification follows the rules, classified finishers by laps then finish time, then
 * the retired, then the disqualified, and where the file's {@code <Position>} says otherwise the difference is
 * reported. Files declare UTF-8 but are often Latin-1, may hold a bare {@code &} and trailing bytes after the root.
 */
final class RfactorReader {

    private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!(?:[a-zA-Z]+|#\\d+|#x[0-9a-fA-F]+);)");

    private RfactorReader() {
    }

    static SimSession read(Path file, String text) {
        // From the root to its end tag: the prolog (with a DOCTYPE the files do not need) and stray bytes after the root
        // are left out; a bare & in names is escaped.
        int root = text.indexOf("<rFactorXML");
        if (root < 0) {
            throw SimResults.missing(file, "the <rFactorXML> root element");
        }
        int lineOffset = (int) text.substring(0, root).chars().filter(c -> c == '\n').count();
        String xml = text.substring(root, text.lastIndexOf("</rFactorXML>") + "</rFactorXML>".length());
        xml = BARE_AMPERSAND.matcher(xml).replaceAll("&amp;");
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            doc = builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw InvalidInputException.at(file, e.getLineNumber() + lineOffset, "not well-formed rFactor XML: " + e.getMessage());
        } catch (Exception e) {
            throw InvalidInputException.at(file, 0, "cannot be read as rFactor XML: " + e.getMessage());
        }
        Element results = first(doc.getDocumentElement(), "RaceResults")
                .orElseThrow(() -> SimResults.missing(file, "<RaceResults>"));
        Element session = sessionElement(results).orElseThrow(() -> SimResults.missing(file, "a session element (<Race>, <Qualify>, <Practice1>, ...)"));
        String name = session.getTagName();
        String kind = name.startsWith("Race") ? "race" : name.startsWith("Qualify") ? "qualifying"
                : name.startsWith("Warmup") ? "warmup" : "practice";
        List<Element> drivers = children(session, "Driver");
        List<String> warnings = new ArrayList<>();
        List<Element> order = new ArrayList<>(drivers);
        if (kind.equals("race")) {
            order.sort(Comparator.comparingInt(RfactorReader::group)
                    .thenComparing(Comparator.comparingInt((Element d) -> integer(d, "Laps")).reversed())
                    .thenComparingDouble(d -> decimal(d, "FinishTime").orElse(Double.MAX_VALUE))
                    .thenComparingInt(d -> positionInFile(d)));
        } else {
            order.sort(Comparator.comparingDouble((Element d) -> decimal(d, "BestLapTime").orElse(Double.MAX_VALUE))
                    .thenComparingInt(d -> positionInFile(d)));
        }
        java.util.Map<String, List<SimPenalty>> penalties = penalties(session);
        List<SimEntry> entries = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Element d = order.get(i);
            int inFile = positionInFile(d);
            if (kind.equals("race") && inFile != i + 1 && inFile > 0) {
                warnings.add(text(d, "Name").orElse("?") + " is " + (i + 1) + " by laps and finish time; the file says " + inFile);
            }
            String status = switch (text(d, "FinishStatus").orElse("None")) {
                case "Finished Normally" -> "finished";
                case "DQ" -> "disqualified";
                case "DNF" -> "retired" + text(d, "DNFReason").filter(r -> !r.equals("DNF")).map(r -> " (" + r + ")").orElse("");
                default -> "none";
            };
            List<String> names = new ArrayList<>();
            names.add(text(d, "Name").orElse("").strip());
            for (Element swap : children(d, "Swap")) {
                String who = swap.getTextContent().strip();
                if (!who.isEmpty() && !names.contains(who)) {
                    names.add(who);
                }
            }
            Optional<Integer> classPosition = integer(d, "ClassPosition") > 0 ? Optional.of(integer(d, "ClassPosition")) : Optional.empty();
            entries.add(new SimEntry(i + 1, text(d, "CarClass"), classPosition, names, Optional.empty(), text(d, "TeamName"), text(d, "VehName"),
                    text(d, "CarNumber").flatMap(n -> {
                        try {
                            return Optional.of(Integer.parseInt(n.strip()));
                        } catch (NumberFormatException e) {
                            return Optional.empty();
                        }
                    }),
                    integer(d, "Laps"), decimal(d, "FinishTime").map(RfactorReader::seconds),
                    decimal(d, "BestLapTime").map(RfactorReader::seconds), status, penalties.getOrDefault(names.getFirst(), List.of())));
        }
        String track = text(results, "TrackVenue").orElse("") + text(results, "TrackCourse").map(c -> " (" + c + ")").orElse("");
        String game = text(results, "GameVersion").map(v -> v.toLowerCase(Locale.ROOT)).orElse("");
        return new SimSession("rfactor", kind, track.strip(), entries, warnings.isEmpty() ? List.of() : warnings);
    }

    private static final Pattern RECEIVED = Pattern.compile("(.+?) received (.+?) penalty\\b.*");
    private static final Pattern SERVED = Pattern.compile("(.+?) served \\S+ (.+?) penalty\\b.*");
    private static final Pattern ADDED = Pattern.compile("(.+?) finished before serving penalty, added (\\d{1,6}(?:\\.\\d{1,9})?) seconds to totalET.*");

    /**
     * The penalties the server's event stream records for each driver by name: a drive-through or stop-go received and
     * whether it was served, and the seconds added to the finish time for one not served (already in FinishTime).
     */
    private static java.util.Map<String, List<SimPenalty>> penalties(Element session) {
        java.util.Map<String, List<SimPenalty>> byDriver = new java.util.HashMap<>();
        for (Element stream : children(session, "Stream")) {
            for (Element p : children(stream, "Penalty")) {
                String line = p.getTextContent().strip();
                java.util.regex.Matcher m;
                if ((m = RECEIVED.matcher(line)).matches()) {
                    byDriver.computeIfAbsent(m.group(1).strip(), k -> new ArrayList<>()).add(new SimPenalty(kind(m.group(2)), "", Optional.empty(), 0, false));
                } else if ((m = SERVED.matcher(line)).matches()) {
                    List<SimPenalty> list = byDriver.getOrDefault(m.group(1).strip(), List.of());
                    SimPenalty.Kind kind = kind(m.group(2));
                    for (int i = 0; i < list.size(); i++) {
                        if (!list.get(i).inResult() && list.get(i).kind() == kind) {
                            list.set(i, new SimPenalty(kind, "served", Optional.empty(), 0, true));
                            break;
                        }
                    }
                } else if ((m = ADDED.matcher(line)).matches()) {
                    List<SimPenalty> list = byDriver.computeIfAbsent(m.group(1).strip(), k -> new ArrayList<>());
                    list.replaceAll(x -> x.inResult() ? x : new SimPenalty(x.kind(), "not served", Optional.empty(), 0, true));
                    list.add(new SimPenalty(SimPenalty.Kind.POST_RACE_TIME, "penalty not served", Optional.of(seconds(Double.parseDouble(m.group(2)))), 0, true));
                }
            }
        }
        return byDriver;
    }

    private static SimPenalty.Kind kind(String words) {
        String w = words.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return w.startsWith("stop") ? SimPenalty.Kind.STOP_GO : w.startsWith("drive") ? SimPenalty.Kind.DRIVE_THROUGH : SimPenalty.Kind.OTHER;
    }

    /** Classified (finished or running) first, then the retired, then the disqualified. */
    private static int group(Element d) {
        return switch (text(d, "FinishStatus").orElse("None")) {
            case "Finished Normally" -> 0;
            case "DNF" -> 1;
            case "DQ" -> 2;
            default -> 1;
        };
    }

    private static int positionInFile(Element d) {
        return integer(d, "Position");
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    private static Optional<Element> sessionElement(Element results) {
        for (Node n = results.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().matches("(Race|Qualify|Practice|TestDay|Warmup)\\d*")) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<Element> first(Element parent, String tag) {
        if (parent.getTagName().equals(tag)) {
            return Optional.of(parent);
        }
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? Optional.empty() : Optional.of((Element) list.item(0));
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Optional<String> text(Element parent, String tag) {
        for (Element e : children(parent, tag)) {
            String t = e.getTextContent().strip();
            return t.isEmpty() ? Optional.empty() : Optional.of(t);
        }
        return Optional.empty();
    }

    private static int integer(Element parent, String tag) {
        try {
            return text(parent, tag).map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<Double> decimal(Element parent, String tag) {
        try {
            return text(parent, tag).map(Double::parseDouble);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
