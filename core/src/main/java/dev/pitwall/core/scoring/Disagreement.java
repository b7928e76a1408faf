package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Points;

/**
 * A published number that the regulations contradict.
 *
 * @param position  the position printed on the published row
 * @param field     {@code points} or {@code position}
 * @param published what the sheet says
 * @param computed  what the regulations and the stewards' decisions give
 */
public record Disagreement(String race, int position, String driver, String field, Points published, Points computed, String explanation) {
}
