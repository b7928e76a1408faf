package dev.pitwall.core.rules;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What the regulations demand of each driver's choice of tyre compounds during a race. */
public sealed interface TyreRule {

    /** No requirement: any compound, no stop needed. */
    record FreeChoice() implements TyreRule {
    }

    /** Each of the named compounds must be used at some point ("must use medium and hard"). */
    record MustUse(Set<Compound> compounds) implements TyreRule {
        public MustUse {
            if (compounds.isEmpty()) {
                throw new IllegalArgumentException("name at least one compound that must be used");
            }
            compounds = Set.copyOf(EnumSet.copyOf(compounds));
        }
    }

    /** At least this many different compounds must be used ("two compounds per race"). */
    record AtLeastCompounds(int count) implements TyreRule {
        public AtLeastCompounds {
            if (count < 1) {
                throw new IllegalArgumentException("the number of compounds to use must be at least 1, was " + count);
            }
        }
    }

    /** Whether a driver who used these compounds obeyed the rule. */
    default boolean isSatisfiedBy(Set<Compound> used) {
        return switch (this) {
            case FreeChoice f -> true;
            case MustUse m -> used.containsAll(m.compounds());
            case AtLeastCompounds a -> used.size() >= a.count();
        };
    }

    default String describe() {
        return switch (this) {
            case FreeChoice f -> "free choice of compounds";
            case MustUse m -> "must use " + EnumSet.copyOf(m.compounds()).stream().map(Compound::label)
                    .collect(Collectors.joining(", "));
            case AtLeastCompounds a -> "must use at least " + a.count() + " compounds";
        };
    }
}
