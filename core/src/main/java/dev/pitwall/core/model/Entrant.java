package dev.pitwall.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A driver entered in the championship: the name results are published under, the country they
 * represent, their online ID on the platform (esports) and their team or manufacturer, if any. A league's registry
 * adds the other names and platform IDs the driver appears under in result files (a rename, a second account), so
 * every file lands on the right person.
 */
public record Entrant(String name, String country, Optional<String> onlineId, Optional<String> team, CarryOver carryOver,
                      List<String> aliases) {

    public Entrant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(onlineId, "onlineId");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(carryOver, "carryOver");
        aliases = List.copyOf(aliases);
        if (name.isBlank()) {
            throw new IllegalArgumentException("an entrant needs a name");
        }
    }

    public Entrant(String name, String country, Optional<String> onlineId, Optional<String> team, CarryOver carryOver) {
        this(name, country, onlineId, team, carryOver, List.of());
    }

    public static Entrant of(String name, String country) {
        return new Entrant(name, country, Optional.empty(), Optional.empty(), CarryOver.none());
    }

    public Entrant withCarryOver(CarryOver carryOver) {
        return new Entrant(name, country, onlineId, team, carryOver, aliases);
    }
}
