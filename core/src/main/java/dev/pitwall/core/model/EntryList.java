package dev.pitwall.core.model;

import java.util.List;
import java.util.Optional;

/**
 * The drivers entered, found by exact name, by name ignoring case and accents, by online ID, or by another name or
 * platform ID the registry lists for them.
 */
public record EntryList(List<Entrant> entrants) {

    public EntryList {
        entrants = List.copyOf(entrants);
    }

    public Optional<Entrant> find(String nameOrOnlineId) {
        String slug = Slug.of(nameOrOnlineId);
        return entrants.stream().filter(e -> e.name().equals(nameOrOnlineId)).findFirst()
                .or(() -> entrants.stream().filter(e -> Slug.of(e.name()).equals(slug)).findFirst())
                .or(() -> entrants.stream()
                        .filter(e -> e.onlineId().map(nameOrOnlineId.strip()::equalsIgnoreCase).orElse(false))
                        .findFirst())
                .or(() -> entrants.stream()
                        .filter(e -> e.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(nameOrOnlineId.strip()) || Slug.of(a).equals(slug)))
                        .findFirst());
    }

    public List<String> names() {
        return entrants.stream().map(Entrant::name).toList();
    }
}
