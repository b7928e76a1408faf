package dev.pitwall.core.rules;

/** Whether cars may, or must, take on fuel during a race. */
public enum Refuelling {
    /** No fuel may be added during the race. */
    FORBIDDEN,
    /** Fuel may be added at a pit stop; a car can also run the distance without. */
    ALLOWED,
    /** The distance cannot be run without refuelling (or the rules demand a fuel stop). */
    REQUIRED
}
