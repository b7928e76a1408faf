package dev.pitwall.core.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The championship-wide scoring rules, beside each race's own {@link RaceRules}: the tie-break chain, shared
 * drives, drivers in several cars, best-N results, the constructors' championship and whom the tables list.
 */
public record Scoring(List<TieBreak> tieBreaks, SharedDrive sharedDrive, MultiCar multiCar, Optional<DropRule> dropRule,
                      Optional<ConstructorsRules> constructors, Listing listing) {

    public Scoring {
        tieBreaks = List.copyOf(tieBreaks);
        Objects.requireNonNull(sharedDrive, "sharedDrive");
        Objects.requireNonNull(multiCar, "multiCar");
        Objects.requireNonNull(dropRule, "dropRule");
        Objects.requireNonNull(constructors, "constructors");
        Objects.requireNonNull(listing, "listing");
    }

    /** Tables that list the whole entry list from the start. */
    public Scoring(List<TieBreak> tieBreaks, SharedDrive sharedDrive, MultiCar multiCar, Optional<DropRule> dropRule,
                   Optional<ConstructorsRules> constructors) {
        this(tieBreaks, sharedDrive, multiCar, dropRule, constructors, Listing.ENTRY_LIST);
    }

    /** Every result counts, shared cars split their points, no constructors' championship. */
    public static Scoring withTieBreaks(List<TieBreak> tieBreaks) {
        return new Scoring(tieBreaks, SharedDrive.SPLIT, MultiCar.SUM, Optional.empty(), Optional.empty());
    }
}
