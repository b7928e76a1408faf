package dev.pitwall.io;

import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.EntryList;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.RaceTime;
import dev.pitwall.core.model.ResultRow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands the cells of published result rows: positions in order from 1, drivers from the entry
 * list (country checked), the winner's time then gaps, laps down or a status, and the points printed.
 */
final class ResultRows {

    private static final Pattern LAPS_DOWN = Pattern.compile("\\+?\\s*(\\d+)\\s*laps?", Pattern.CASE_INSENSITIVE);
    private static final String TIME_EXPECTED =
            "expected a time like 17'47.179, a gap like +00.205 or +1'05.938, \"+1 lap\", DNF, DNS, DSQ or NC";

    private ResultRows() {
    }

    static RaceResult resolve(Path file, String race, List<PublishedRow> rows, EntryList entries) {
        if (rows.isEmpty()) {
            throw InvalidInputException.at(file, 0, "expected at least one result row, found none");
        }
        List<ResultRow> result = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Optional<Duration> winnerTime = Optional.empty();
        for (PublishedRow row : rows) {
            int position = position(file, row, result.size() + 1);
            Entrant entrant = driver(file, row, entries);
            Integer earlier = seen.put(entrant.name(), row.line());
            if (earlier != null) {
                throw InvalidInputException.at(file, row.line(), entrant.name() + " already appears on line " + earlier);
            }
            Finish finish = finish(file, row, winnerTime);
            if (winnerTime.isEmpty() && finish instanceof Finish.Finished f) {
                winnerTime = f.elapsed();
            }
            result.add(new ResultRow(position, entrant.name(), finish, points(file, row)));
        }
        return new RaceResult(race, result);
    }

    private static int position(Path file, PublishedRow row, int expected) {
        String text = row.position().strip();
        int position;
        try {
            position = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw InvalidInputException.at(file, row.line(), "expected position " + expected + ", found \"" + text + "\"");
        }
        if (position != expected) {
            throw InvalidInputException.at(file, row.line(), (position < expected ? "duplicate position " + position
                    : "position " + position + " skips " + expected) + ": positions run 1, 2, 3, ... in order");
        }
        return position;
    }

    private static Entrant driver(Path file, PublishedRow row, EntryList entries) {
        String cell = row.driver().strip();
        if (cell.isEmpty()) {
            throw InvalidInputException.at(file, row.line(), "expected a driver, found an empty cell");
        }
        Optional<String> country = row.country().filter(c -> !c.isBlank());
        String name = cell;
        Optional<Entrant> entrant = row.platformId().flatMap(entries::find).or(() -> entries.find(cell));
        if (entrant.isEmpty() && country.isEmpty()) {
            Optional<String[]> split = Countries.splitLeadingCountry(cell);
            if (split.isPresent()) {
                country = Optional.of(split.get()[0]);
                name = split.get()[1];
                entrant = entries.find(name);
            }
        }
        if (entrant.isEmpty()) {
            throw InvalidInputException.at(file, row.line(), "unknown driver \"" + name + "\": expected one of the entry list ("
                    + String.join(", ", entries.names()) + ")");
        }
        Entrant found = entrant.get();
        if (country.isPresent() && !Countries.same(country.get(), found.country())) {
            throw InvalidInputException.at(file, row.line(), found.name() + " represents " + found.country()
                    + " in the entry list, but this row says " + country.get());
        }
        return found;
    }

    private static Finish finish(Path file, PublishedRow row, Optional<Duration> winnerTime) {
        String text = row.time().strip();
        if (text.isEmpty()) {
            return new Finish.Finished(Optional.empty());
        }
        switch (text.toUpperCase(Locale.ROOT)) {
            case "DNF", "RET", "RETIRED" -> {
                return new Finish.Retired(Optional.empty(), "");
            }
            case "DNS", "DID NOT START" -> {
                return new Finish.DidNotStart();
            }
            case "DSQ", "DQ", "DISQUALIFIED" -> {
                return new Finish.Disqualified("disqualified in the published results");
            }
            case "NC", "NOT CLASSIFIED" -> {
                return new Finish.NotClassified();
            }
            default -> {
            }
        }
        Matcher laps = LAPS_DOWN.matcher(text);
        if (laps.matches() && Integer.parseInt(laps.group(1)) > 0) {
            return new Finish.LapsDown(Integer.parseInt(laps.group(1)));
        }
        if (text.startsWith("+")) {
            Duration gap = RaceTime.parseGap(text).orElseThrow(() ->
                    InvalidInputException.at(file, row.line(), TIME_EXPECTED + ", found \"" + text + "\""));
            Duration winner = winnerTime.orElseThrow(() -> InvalidInputException.at(file, row.line(),
                    "found the gap \"" + text + "\" before any winner's time: expected the winner's time like 17'47.179 first"));
            return Finish.Finished.in(winner.plus(gap));
        }
        return Finish.Finished.in(RaceTime.parse(text).orElseThrow(() ->
                InvalidInputException.at(file, row.line(), TIME_EXPECTED + ", found \"" + text + "\"")));
    }

    private static Optional<Points> points(Path file, PublishedRow row) {
        return row.points().map(cell -> {
            String text = cell.strip();
            if (text.isEmpty()) {
                return Points.ZERO;
            }
            try {
                Points p = Points.parse(text);
                if (p.compareTo(Points.ZERO) < 0) {
                    throw new NumberFormatException();
                }
                return p;
            } catch (RuntimeException e) {
                throw InvalidInputException.at(file, row.line(),
                        "expected points like 12, 12.5 or an empty cell, found \"" + text + "\"");
            }
        });
    }
}
