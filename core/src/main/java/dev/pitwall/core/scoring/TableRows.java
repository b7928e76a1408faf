package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Points;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A standings table as the standings pass makes it: each line's place and the competitor's standing as last changed, an
 * entry in the season's {@link Ledger}. A season's tables after each race share the ledger, so a line whose place moved
 * while its points stood costs an int; a {@link StandingsRow} is made when the line is read.
 * <p>
 * Immutable: the pass writes a table's lines before anything sees them, and a ledger entry is never written again.
 */
final class TableRows extends AbstractList<StandingsRow> implements RandomAccess {

    private final Ledger ledger;
    /**
     * The ledger's entries as they were when the table was made: the ledger writes a new entry past them or into new
     * arrays, never over one, so the table reads what the pass wrote (final fields publish it to every thread).
     */
    private final int[] competitor;
    private final long[] total;
    private final long[] deductions;
    private final int[] wins;
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
        this.competitor = ledger.competitor;
        this.total = ledger.total;
        this.deductions = ledger.deductions;
        this.wins = ledger.wins;
        this.entries = entries;
        this.places = places;
    }

    @Override
    public StandingsRow get(int line) {
        int entry = entries[line];
        int c = competitor[entry];
        return new StandingsRow(Classifier.positionOrEmpty(places[line]), ledger.names.get(c), ledger.points(total[entry]),
                ledger.carryOver[c], deductions == null ? Points.ZERO : ledger.points(deductions[entry]), wins[entry],
                ledger.carryOverKnown[c]);
    }

    @Override
    public int size() {
        return entries.length;
    }

    /**
     * Each competitor's standing (total, deductions, wins) every time it changed in one pass over a season, in the order
     * the changes were made. Totals are in units of 1/{@code scale}; deductions are kept only for a table that has any.
     * Entries are added, never changed: a full ledger moves to larger arrays and leaves the old ones as they are, to the
     * tables that read them.
     */
    static final class Ledger {
        private final List<String> names;
        private final Points[] carryOver;
        private final boolean[] carryOverKnown;
        private final long scale;
        private int[] competitor;
        private long[] total;
        private long[] deductions;
        private int[] wins;
        private int size;

        /**
         * @param capacity       how many changes to make room for at first
         * @param withDeductions whether the table has any deduction
         */
        Ledger(List<String> names, Points[] carryOver, boolean[] carryOverKnown, long scale, int capacity,
               boolean withDeductions) {
            this.names = names;
            this.carryOver = carryOver;
            this.carryOverKnown = carryOverKnown;
            this.scale = scale;
            int room = Math.max(capacity, 16);
            this.competitor = new int[room];
            this.total = new long[room];
            this.deductions = withDeductions ? new long[room] : null;
            this.wins = new int[room];
        }

        /** Adds the competitor's standing; returns its entry. */
        int add(int c, long total, long deductions, int wins) {
            if (this.deductions == null && deductions != 0) {
                throw new IllegalStateException("a deduction in a table made without any");
            }
            if (size == competitor.length) {
                int room = Math.addExact(size, size >> 1);
                competitor = Arrays.copyOf(competitor, room);
                this.total = Arrays.copyOf(this.total, room);
                this.deductions = this.deductions == null ? null : Arrays.copyOf(this.deductions, room);
                this.wins = Arrays.copyOf(this.wins, room);
            }
            competitor[size] = c;
            this.total[size] = total;
            if (this.deductions != null) {
                this.deductions[size] = deductions;
            }
            this.wins[size] = wins;
            return size++;
        }

        /** Whether the entry shows the same standing. */
        boolean shows(int entry, long total, long deductions, int wins) {
            return this.total[entry] == total && this.wins[entry] == wins
                    && (this.deductions == null || this.deductions[entry] == deductions);
        }

        private Points points(long scaled) {
            return scaled == 0 ? Points.ZERO : Points.of(scaled, scale);
        }
    }
}
