package dev.pitwall.core.model;

import dev.pitwall.core.rules.RaceRules;

import java.util.Objects;

/** A race (session that pays points) with its own regulations. */
public record Race(String name, RaceRules rules) {

    public Race {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rules, "rules");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a race needs a name");
        }
    }

    /** The race's name as it appears in addresses and file names: {@code Grand Final} is {@code grand-final}. */
    public String slug() {
        return Slug.of(name);
    }
}
