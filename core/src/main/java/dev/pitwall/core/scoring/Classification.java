package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Race;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A race's final order after the stewards' decisions: classified drivers first, then the rest. */
public record Classification(Race race, List<ClassifiedEntry> entries) {

    public Classification {
        entries = List.copyOf(entries);
    }

    public Optional<ClassifiedEntry> entryOf(String driver) {
        return entries.stream().filter(e -> e.driver().equals(driver)).findFirst();
    }

    public OptionalInt positionOf(String driver) {
        return entryOf(driver).map(ClassifiedEntry::position).orElse(OptionalInt.empty());
    }

    public Optional<ClassifiedEntry> winner() {
        return entries.stream().filter(e -> e.position().equals(OptionalInt.of(1))).findFirst();
    }
}
