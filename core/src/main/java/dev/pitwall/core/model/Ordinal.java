package dev.pitwall.core.model;

/** Positions as people say them: 1st, 2nd, 3rd, 4th, 11th, 21st. */
public final class Ordinal {

    private Ordinal() {
    }

    public static String of(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
