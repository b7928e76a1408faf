package dev.pitwall.scenarios;

import dev.pitwall.core.model.Points;

import java.util.List;

/**
 * One driver's championship outlook before the remaining races.
 *
 * @param canWin        whether some results of the remaining races make the driver champion
 * @param reason        why the answer is undecided, or empty
 * @param bestPosition  the best final championship position the driver can still reach
 * @param worstPosition the worst final championship position the driver can still fall to
 * @param probability   chance of the title when every finishing order is equally likely, with its standard error
 * @param strengthProbability chance of the title under a strength model fitted to the results so far (Plackett-Luce),
 *                      with its standard error; NaN where the season model does not follow the regulations
 * @param witness       for a "yes": how every remaining race can finish (order and fastest lap) to make him champion
 * @param needs         for each finishing position in the next race, what it means for the title
 */
public record Outlook(String driver, Points points, Answer canWin, String reason, int bestPosition, int worstPosition,
                      double probability, double standardError, double strengthProbability, double strengthStandardError,
                      List<RaceOrder> witness, List<Need> needs) {

    public Outlook {
        witness = List.copyOf(witness);
        needs = List.copyOf(needs);
    }

    /** How a remaining race finishes in a witness: its order, winner first, and who sets the fastest lap, if it pays. */
    public record RaceOrder(String race, List<String> order, java.util.Optional<String> fastestLap) {
        public RaceOrder {
            order = List.copyOf(order);
        }
    }

    /** Can the driver still win: yes (with a witness), no (proved), or undecided (with the reason). */
    public enum Answer {
        YES, NO, UNDECIDED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What finishing {@code position} in the next race means: the title whatever the others do, the title if
     * named rivals finish low enough, or no title.
     */
    public record Need(int position, Verdict verdict, List<Condition> conditions, String sentence) {
        public Need {
            conditions = List.copyOf(conditions);
        }
    }

    /** Clinches whatever the others do, possible, cannot, or undecided (the solver's time limit ran out). */
    public enum Verdict {
        CLINCHES, POSSIBLE, CANNOT, UNDECIDED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A rival must finish at {@code atBest} or lower (a larger number) for the driver to stay ahead. */
    public record Condition(String rival, int atBest) {
    }
}
