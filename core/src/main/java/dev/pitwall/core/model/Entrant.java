package dev.pitwall.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A driver entered in the championship: the name results are published under, the country they
 * represent, their online ID on the platform (esports) and their team or manufacturer, if any.
 */
public record Entrant(String name, String country, Optional<String> onlineId, Optional<String> team, CarryOver carryOver) {

    public Entrant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(onlineId, "onlineId");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(carryOver, "carryOver");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an entrant needs a name");
        }
    }

    public static Entrant of(String name, String country) {
        return new Entrant(name, country, Optional.empty(), Optional.empty(), CarryOver.none());
    }

    public Entrant withCarryOver(CarryOver carryOver) {
        return new Entrant(name, country, onlineId, team, carryOver);
    }
}
