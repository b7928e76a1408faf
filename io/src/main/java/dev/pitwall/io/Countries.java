package dev.pitwall.io;

import dev.pitwall.core.model.Slug;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Country names as result sheets print them: the English names of the ISO 3166 countries, plus the
 * short forms motorsport uses ({@code USA}, {@code UK}, {@code Great Britain}, {@code Chinese Taipei}...).
 */
final class Countries {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("USA", "United States"),
            Map.entry("US", "United States"),
            Map.entry("United States of America", "United States"),
            Map.entry("UK", "United Kingdom"),
            Map.entry("Great Britain", "United Kingdom"),
            Map.entry("England", "United Kingdom"),
            Map.entry("Scotland", "United Kingdom"),
            Map.entry("Wales", "United Kingdom"),
            Map.entry("Northern Ireland", "United Kingdom"),
            Map.entry("Korea", "South Korea"),
            Map.entry("Republic of Korea", "South Korea"),
            Map.entry("Czech Republic", "Czechia"),
            Map.entry("Chinese Taipei", "Taiwan"),
            Map.entry("Holland", "Netherlands"),
            Map.entry("The Netherlands", "Netherlands"),
            Map.entry("UAE", "United Arab Emirates"),
            Map.entry("Russian Federation", "Russia"),
            Map.entry("Rhodesia", "Zimbabwe"));

    /** Slug of every name a country goes by, to the name Pitwall compares by. */
    private static final Map<String, String> CANONICAL = new HashMap<>();
    /** The names to look for at the start of a cell, longest first ("South Africa" before "South"). */
    private static final List<String> NAMES;

    static {
        for (String code : Locale.getISOCountries()) {
            String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
            CANONICAL.put(Slug.of(name), name);
        }
        ALIASES.forEach((alias, name) -> CANONICAL.put(Slug.of(alias), name));
        NAMES = CANONICAL.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private Countries() {
    }

    /** The name a country is compared by: {@code USA} and {@code United States} are the same country. */
    static String canonical(String country) {
        String slug = Slug.of(country);
        return CANONICAL.getOrDefault(slug, country.strip());
    }

    static boolean same(String a, String b) {
        return Slug.of(canonical(a)).equals(Slug.of(canonical(b)));
    }

    /**
     * Splits {@code Netherlands Kaj de Bruin} into the country as written and the driver's name, when the
     * cell starts with a country name followed by a space.
     */
    static Optional<String[]> splitLeadingCountry(String cell) {
        String text = cell.strip();
        String slug = Slug.of(text);
        for (String name : NAMES) {
            if (slug.startsWith(name + "-")) {
                // Find how many words of the written cell the country took.
                int words = name.split("-").length;
                String[] parts = text.split("\\s+", words + 1);
                if (parts.length == words + 1 && Slug.of(String.join(" ", java.util.Arrays.copyOf(parts, words))).equals(name)) {
                    return Optional.of(new String[] {String.join(" ", java.util.Arrays.copyOf(parts, words)), parts[words]});
                }
            }
        }
        return Optional.empty();
    }
}
