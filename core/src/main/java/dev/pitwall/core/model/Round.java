package dev.pitwall.core.model;

import java.util.List;
import java.util.Objects;

/** An event of the championship (a race weekend, or a day of finals) holding one or more races. */
public record Round(String name, List<Race> races) {

    public Round {
        Objects.requireNonNull(name, "name");
        races = List.copyOf(races);
        if (races.isEmpty()) {
            throw new IllegalArgumentException("round " + name + " has no races");
        }
    }
}
