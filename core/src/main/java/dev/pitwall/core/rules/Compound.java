package dev.pitwall.core.rules;

import java.util.Locale;
import java.util.Optional;

/** A dry-weather tyre compound, softest first, and the wet-weather tyres. */
public enum Compound {
    SOFT, MEDIUM, HARD, INTERMEDIATE, WET;

    public static Optional<Compound> parse(String text) {
        for (Compound c : values()) {
            if (c.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
