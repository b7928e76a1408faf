package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Points;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A standings table as the standings pass makes it: each line's place and the competitor's standing as last changed, an
 * entry in the season's {@link Ledger}. A season's tables after each race share the ledger, so a line whose place moved
 * while its points stood costs an int; a {@link StandingsRow} is made when the line is read.
 * <p>
 * Immutable: the pass writes a table's lines before anything sees them, and the ledger's entries are never written
 * again.
 */
final class TableRows extends AbstractList<StandingsRow> implements RandomAccess {

    private final Ledger ledger;
    /** Per line, the ledger entry of the competitor's standing. */
    private final int[] entries;
    /** Per line, the place shown (0 for a competitor excluded from the championship). */
    private final int[] places;

    /** @param entries and {@code places}: arrays nothing else writes */
    TableRows(Ledger ledger, int[] entries, int[] places) {
        if (entries.length != places.length) {
            throw new IllegalArgumentException("a place for each line: " + entries.length + " lines, " + places.length + " places");
        }
        this.ledger = ledger;
        this.entries = entries;
        this.places = places;
    }

    @Override
    public StandingsRow get(int line) {
        return ledger.row(entries[line], places[line]);
    }

    @Override
    public int size() {
        return entries.length;
    }

    /**
     * Each competitor's standing (total, deductions, wins) every time it changed in one pass over a season, in the order
     * the changes were made. Totals are in units of 1/{@code scale}; entries are added, never changed.
     */
    static final class Ledger {
        private final List<String> names;
        private final Points[] carryOver;
        private final boolean[] carryOverKnown;
        private final long scale;
        private final int[] competitor;
        private final long[] total;
        private final long[] deductions;
        private final int[] wins;
        private int size;

        /** @param capacity how many changes the pass can make at most: the ledger never grows */
        Ledger(List<String> names, Points[] carryOver, boolean[] carryOverKnown, long scale, int capacity) {
            this.names = names;
            this.carryOver = carryOver;
            this.carryOverKnown = carryOverKnown;
            this.scale = scale;
            this.competitor = new int[capacity];
            this.total = new long[capacity];
            this.deductions = new long[capacity];
            this.wins = new int[capacity];
        }

        /** Adds the competitor's standing; returns its entry. */
        int add(int c, long total, long deductions, int wins) {
            if (size == competitor.length) {
                throw new IllegalStateException("more standings changes than the pass can make: " + size);
            }
            competitor[size] = c;
            this.total[size] = total;
            this.deductions[size] = deductions;
            this.wins[size] = wins;
            return size++;
        }

        /** Whether the entry shows the same standing. */
        boolean shows(int entry, long total, long deductions, int wins) {
            return this.total[entry] == total && this.deductions[entry] == deductions && this.wins[entry] == wins;
        }

        StandingsRow row(int entry, int place) {
            int c = competitor[entry];
            return new StandingsRow(Classifier.positionOrEmpty(place), names.get(c), points(total[entry]), carryOver[c],
                    points(deductions[entry]), wins[entry], carryOverKnown[c]);
        }

        private Points points(long scaled) {
            return scaled == 0 ? Points.ZERO : Points.of(scaled, scale);
        }
    }
}
