package dev.pitwall.strategy;

import dev.pitwall.core.rules.Compound;
import dev.pitwall.core.rules.Refuelling;
import dev.pitwall.core.rules.TyreRule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The race's regulations on strategy, as core states them for a race ({@link TyreRule}, {@link Refuelling}): which
 * compounds each driver must use and whether fuel may, or must, be added at a stop. The optimizer plans only legal
 * strategies, and a simulated finisher whose strategy breaks them is disqualified, as the stewards would.
 *
 * @param source where the regulations come from, for messages ("championship.yaml: Grand Final")
 */
public record RaceRegulations(TyreRule tyres, Refuelling refuelling, String source) {

    /** No rule on compounds or fuel: every strategy is legal. */
    public static RaceRegulations none() {
        return new RaceRegulations(new TyreRule.FreeChoice(), Refuelling.ALLOWED, "no regulations");
    }

    /**
     * Whether a set of compounds (by the names strategies use) meets the tyre rule. Named compounds are Pitwall's (soft,
     * medium, hard, intermediate, wet); a count of compounds counts any names (TUM's A3, A4, ...).
     */
    public boolean legal(Set<String> used) {
        return switch (tyres) {
            case TyreRule.FreeChoice f -> true;
            case TyreRule.AtLeastCompounds a -> used.size() >= a.count();
            case TyreRule.MustUse m -> {
                Set<Compound> known = new LinkedHashSet<>();
                used.forEach(name -> Compound.parse(name).ifPresent(known::add));
                yield m.isSatisfiedBy(known);
            }
        };
    }

    /** What breaks the regulations in a strategy run for {@code laps} laps (the stints started by then), or empty. */
    public Optional<String> breach(List<Stint> strategy, int laps) {
        Set<String> used = new LinkedHashSet<>();
        boolean refuelled = false;
        for (int s = 0; s < strategy.size(); s++) {
            Stint stint = strategy.get(s);
            if (s > 0 && stint.inLap() >= laps) {
                break;
            }
            used.add(stint.compound());
            refuelled |= s > 0 && stint.fuelAdded() > 0;
        }
        List<String> broken = new ArrayList<>();
        if (!legal(used)) {
            broken.add("used " + String.join(", ", used) + " where the regulations say " + tyres.describe());
        }
        if (refuelling == Refuelling.FORBIDDEN && refuelled) {
            broken.add("refuelled where refuelling is forbidden");
        }
        if (refuelling == Refuelling.REQUIRED && !refuelled) {
            broken.add("did not refuel where a fuel stop is required");
        }
        return broken.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", broken));
    }

    /**
     * The classification as the regulations have it: a finisher whose strategy broke them is disqualified, behind every
     * other car, with the reason.
     */
    public RaceOutcome apply(RaceOutcome outcome, RaceSetup race) {
        List<RaceOutcome.Finisher> kept = new ArrayList<>();
        List<RaceOutcome.Finisher> disqualified = new ArrayList<>();
        for (RaceOutcome.Finisher f : outcome.classification()) {
            Optional<String> breach = f.retired() ? Optional.empty()
                    : race.drivers().stream().filter(d -> d.initials().equals(f.driver())).findFirst()
                    .flatMap(d -> breach(d.strategy(), f.laps()));
            if (breach.isPresent()) {
                disqualified.add(new RaceOutcome.Finisher(0, f.driver(), f.laps(), f.raceTime(), true, "disqualified: " + breach.get()));
            } else {
                kept.add(f);
            }
        }
        if (disqualified.isEmpty()) {
            return outcome;
        }
        kept.addAll(disqualified);
        List<RaceOutcome.Finisher> numbered = new ArrayList<>();
        for (RaceOutcome.Finisher f : kept) {
            numbered.add(new RaceOutcome.Finisher(numbered.size() + 1, f.driver(), f.laps(), f.raceTime(), f.retired(), f.reason()));
        }
        return new RaceOutcome(numbered, outcome.raceTimeByLap());
    }

    /** The rules in words: "must use soft, medium, hard; refuelling required". */
    public String describe() {
        return tyres.describe() + "; refuelling " + refuelling.name().toLowerCase(java.util.Locale.ROOT);
    }
}
