package dev.pitwall.store;

import java.util.Locale;
import java.util.Optional;

/** Who is writing, and what they may do. */
public record Credential(String name, Role role) {

    /** The roles of people who change a championship. */
    public enum Role {
        /** Creates championships, posts results, reverts revisions, marks results final. */
        ORGANIZER,
        /** Posts stewards' decisions and reverts them. */
        STEWARD;

        public static Optional<Role> parse(String text) {
            for (Role r : values()) {
                if (r.name().equalsIgnoreCase(text.strip())) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
