package dev.pitwall.scenarios;

import dev.pitwall.core.model.Points;

import java.util.List;

/**
 * One constructor's (team's) outlook in the constructors' championship before the remaining races.
 *
 * @param canWin              whether some results of the remaining races make the constructor champion
 * @param reason              why the answer is undecided, why a position is not proved, or empty
 * @param bestPosition        the best final position it can still reach (0 when not known)
 * @param worstPosition       the worst final position it can still fall to (0 when not known)
 * @param probability         chance of the title when every finishing order is equally likely, with its standard error
 * @param strengthProbability chance of the title with the drivers' Plackett-Luce strengths fitted to the results so far
 * @param witness             for a "yes": how every remaining race can finish (order and fastest lap) to make it champion
 */
public record TeamOutlook(String constructor, Points points, Outlook.Answer canWin, String reason, int bestPosition, int worstPosition,
                          double probability, double standardError, double strengthProbability, double strengthStandardError,
                          List<Outlook.RaceOrder> witness) {

    public TeamOutlook {
        witness = List.copyOf(witness);
    }
}
