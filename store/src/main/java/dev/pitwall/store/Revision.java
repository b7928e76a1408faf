package dev.pitwall.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One change to a championship, as stored: what was said, who said it, when and why.
 *
 * @param race    the race a results table, decision or status is about
 * @param format  a results table's format: {@code md}, {@code csv} or {@code json}
 * @param payload the text: regulations YAML, a results table, a decision as YAML, or a status word
 * @param reverts for a revert, the number of the revision it takes back
 */
public record Revision(int number, Kind kind, Optional<String> race, Optional<String> format, String payload, String author,
                       String reason, OptionalInt reverts, Instant createdAt) {

    public Revision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(reason, "reason");
    }

    /** What a revision changes. */
    public enum Kind {
        /** The championship's regulations and entry list ({@code championship.yaml}). */
        REGULATIONS,
        /** A race's results table. */
        RESULTS,
        /** A stewards' decision, appended to the decisions. */
        DECISION,
        /** Takes back an earlier revision. */
        REVERT,
        /** Marks a race's results provisional or final. */
        STATUS
    }

    /** A revision about to be written; the store numbers and dates it. */
    public record Draft(Kind kind, Optional<String> race, Optional<String> format, String payload, String author, String reason,
                        OptionalInt reverts) {

        public static Draft regulations(String yaml, String author, String reason) {
            return new Draft(Kind.REGULATIONS, Optional.empty(), Optional.empty(), yaml, author, reason, OptionalInt.empty());
        }

        public static Draft results(String race, String format, String table, String author, String reason) {
            return new Draft(Kind.RESULTS, Optional.of(race), Optional.of(format), table, author, reason, OptionalInt.empty());
        }

        public static Draft decision(String race, String yaml, String author, String reason) {
            return new Draft(Kind.DECISION, Optional.of(race), Optional.empty(), yaml, author, reason, OptionalInt.empty());
        }

        public static Draft revert(int revision, String author, String reason) {
            return new Draft(Kind.REVERT, Optional.empty(), Optional.empty(), "", author, reason, OptionalInt.of(revision));
        }

        public static Draft status(String race, String status, String author, String reason) {
            return new Draft(Kind.STATUS, Optional.of(race), Optional.empty(), status, author, reason, OptionalInt.empty());
        }

        /** What this draft would be as revision {@code number}, dated at the epoch: for replaying it before it is stored. */
        public Revision numbered(int number) {
            return new Revision(number, kind, race, format, payload, author, reason, reverts, Instant.EPOCH);
        }
    }
}
