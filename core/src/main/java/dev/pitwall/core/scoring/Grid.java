package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Race;

import java.util.List;

/** A race's starting order, pole first. */
public record Grid(Race race, List<Slot> slots) {

    public Grid {
        slots = List.copyOf(slots);
    }

    /** One grid slot; {@code note} explains where a grid decision moved the driver. */
    public record Slot(int slot, String driver, String note) {
    }
}
