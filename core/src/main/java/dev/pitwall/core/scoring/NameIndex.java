package dev.pitwall.core.scoring;

import java.util.Arrays;

/**
 * Names to their indices in a table, looked up for every row of every race: open addressing over the names' own hash
 * codes, with no entry objects and no boxing. A results reader that gives each competitor one name object is answered
 * at the first comparison, by identity.
 */
final class NameIndex {

    private String[] names;
    private int[] indices;
    private int size;

    NameIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected * 2) - 1) << 1;
        names = new String[capacity];
        indices = new int[capacity];
    }

    /** The name's index, or -1. */
    int get(String name) {
        int mask = names.length - 1;
        for (int h = slot(name, mask); ; h = (h + 1) & mask) {
            String n = names[h];
            if (n == null) {
                return -1;
            }
            if (n == name || n.equals(name)) {
                return indices[h];
            }
        }
    }

    /** The name's index; a new name is given {@code next}. */
    int putIfAbsent(String name, int next) {
        int mask = names.length - 1;
        for (int h = slot(name, mask); ; h = (h + 1) & mask) {
            String n = names[h];
            if (n == null) {
                names[h] = name;
                indices[h] = next;
                if (++size * 2 > names.length) {
                    grow();
                }
                return next;
            }
            if (n == name || n.equals(name)) {
                return indices[h];
            }
        }
    }

    private void grow() {
        String[] oldNames = names;
        int[] oldIndices = indices;
        names = new String[oldNames.length * 2];
        indices = new int[oldNames.length * 2];
        int mask = names.length - 1;
        for (int k = 0; k < oldNames.length; k++) {
            if (oldNames[k] != null) {
                int h = slot(oldNames[k], mask);
                while (names[h] != null) {
                    h = (h + 1) & mask;
                }
                names[h] = oldNames[k];
                indices[h] = oldIndices[k];
            }
        }
    }

    private static int slot(String name, int mask) {
        int h = name.hashCode();
        return (h ^ (h >>> 16)) * 0x9E3779B9 >>> 8 & mask;
    }

    @Override
    public String toString() {
        return "NameIndex" + Arrays.toString(names);
    }
}
