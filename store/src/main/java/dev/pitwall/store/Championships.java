package dev.pitwall.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.Slug;
import dev.pitwall.io.ChampionshipFiles;
import dev.pitwall.io.ChampionshipSource;
import dev.pitwall.io.InvalidInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The championships a store holds, read as of any revision and changed one checked revision at a time: every write
 * is first replayed with the revisions before it and must load cleanly, so a rejected write changes nothing.
 * Loaded championships are cached by revision; a cache is only a cache.
 */
public final class Championships {

    private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)).build();

    private final Store store;
    /** Replayed championships by id and revision; what a revision replays to never changes. */
    private final Map<String, Championship> replayed = new ConcurrentHashMap<>();
    private final Map<String, Known> histories = new ConcurrentHashMap<>();
    private final java.time.Clock clock;
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    /** A championship's revisions as last read, and when: writes by this process replace it at once. */
    private record Known(List<Revision> history, java.time.Instant readAt) {
    }

    /** How long revisions read from the database are trusted before looking again (for writes by other processes). */
    private static final java.time.Duration FRESH = java.time.Duration.ofSeconds(1);

    public Championships(Store store) {
        this(store, java.time.Clock.systemUTC());
    }

    public Championships(Store store, java.time.Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The championship's revisions: from memory when read within the last second, else from the database. */
    private List<Revision> history(String id) {
        Known known = histories.get(id);
        java.time.Instant now = clock.instant();
        if (known == null || known.readAt().plus(FRESH).isBefore(now)) {
            known = new Known(store.revisions(id), now);
            histories.put(id, known);
        }
        return known.history();
    }

    private void forget(String id) {
        histories.remove(id);
    }

    /** A championship as it stood at a revision, with each race's results status. */
    public record At(String id, int revision, int latest, Championship championship, Map<String, String> statuses,
                     List<Revision> history) {

        /** {@code final} or {@code provisional}. */
        public String status(Race race) {
            return statuses.getOrDefault(race.slug(), "provisional");
        }
    }

    /** A revision just written. */
    public record Change(String id, Revision revision) {
    }

    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    public List<Store.Listing> list() {
        return store.championships();
    }

    /** The championship at a revision, or at its latest. */
    public At at(String id, OptionalInt revision) {
        List<Revision> history = history(id);
        if (history.isEmpty()) {
            throw new StoreException.NotFound("no championship " + id);
        }
        int latest = history.getLast().number();
        int n = revision.orElse(latest);
        if (n < 1 || n > latest) {
            throw new StoreException.NotFound("championship " + id + " has revisions 1 to " + latest + ", not " + n);
        }
        Championship championship = replayed.computeIfAbsent(id + "@" + n, k -> Replay.championship(history, n));
        return new At(id, n, latest, championship, Replay.statuses(history, n), history.stream().filter(r -> r.number() <= n).toList());
    }

    /** Creates a championship from its regulations; its id is the slug given, or of its name. */
    public At create(Optional<String> slug, String regulationsYaml, String author, String reason) {
        Championship c = ChampionshipFiles.load(ChampionshipSource.of(Map.of(ChampionshipFiles.REGULATIONS, regulationsYaml)));
        String id = Slug.of(slug.orElse(c.name()));
        store.create(id, c.name(), List.of(Revision.Draft.regulations(regulationsYaml, author, reason)));
        return announced(id);
    }

    /**
     * Imports a championship directory whole: regulations, every results file, every decision; all or nothing. Its id
     * is the slug of the directory's name ({@code examples/gtws-2024-nations-cup} is {@code gtws-2024-nations-cup}).
     */
    public At importDirectory(Path dir, String author) {
        Championship c = ChampionshipFiles.load(dir);
        var source = ChampionshipSource.directory(dir);
        List<Revision.Draft> drafts = new ArrayList<>();
        drafts.add(Revision.Draft.regulations(source.read(ChampionshipFiles.REGULATIONS).orElseThrow(), author,
                "imported from " + dir.getFileName()));
        for (Race race : c.racesRun()) {
            for (String ext : ChampionshipFiles.RESULT_EXTENSIONS) {
                String file = ChampionshipFiles.RESULTS + "/" + race.slug() + "." + ext;
                // Revisions hold text: a game's file is decoded from whatever encoding the game wrote.
                source.readBytes(file).map(bytes -> dev.pitwall.io.sim.SimResults.isGameFile(bytes)
                                ? dev.pitwall.io.sim.SimResults.decode(source.path(file), bytes)
                                : source.read(file).orElseThrow())
                        .ifPresent(text -> drafts.add(Revision.Draft.results(race.name(), ext, text, author,
                                "imported from " + dir.getFileName() + "/" + file)));
            }
        }
        for (var d : source.read(ChampionshipFiles.DECISIONS).map(Championships::decisionItems).orElse(List.of())) {
            drafts.add(Revision.Draft.decision(d.getKey(), d.getValue(), author, "imported from " + dir.getFileName()));
        }
        String id = Slug.of(dir.toAbsolutePath().normalize().getFileName().toString());
        store.create(id, c.name(), drafts);
        // The stored revisions must give back exactly what was read.
        At at = at(id, OptionalInt.empty());
        if (at.championship().racesRun().size() != c.racesRun().size()) {
            throw new IllegalStateException("the import of " + dir + " does not replay to the same championship");
        }
        return announced(id);
    }

    /** Posts a race's results table ({@code md}, {@code csv} or {@code json}). */
    public At postResults(String id, OptionalInt seen, String race, String format, String table, String author, String reason) {
        Race r = at(id, OptionalInt.empty()).championship().requireRace(race);
        return append(id, seen, Revision.Draft.results(r.name(), format, table, author, reason));
    }

    /**
     * Posts a stewards' decision: {@code kind} is {@code time-penalty}, {@code position-drop}, {@code grid-drop},
     * {@code disqualified} or {@code points-deduction}; {@code value} its amount ({@code 5s}, {@code 2}, {@code true}).
     */
    public At postDecision(String id, OptionalInt seen, String race, String driver, String kind, String value, String author,
                           String reason) {
        Race r = at(id, OptionalInt.empty()).championship().requireRace(race);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("race", r.name());
        item.put("driver", driver);
        item.put(kind, value);
        item.put("reason", reason);
        return append(id, seen, Revision.Draft.decision(r.name(), yaml(List.of(item)), author, reason));
    }

    public At revert(String id, OptionalInt seen, int revision, String author, String reason) {
        At now = at(id, OptionalInt.empty());
        if (revision < 2 || revision > now.latest()) {
            throw new StoreException.NotFound("championship " + id + " has no revision " + revision + " that can be reverted"
                    + " (the first revision, its regulations, cannot be)");
        }
        return append(id, seen, Revision.Draft.revert(revision, author, reason));
    }

    public At markStatus(String id, OptionalInt seen, String race, String status, String author, String reason) {
        Race r = at(id, OptionalInt.empty()).championship().requireRace(race);
        if (!status.equals("final") && !status.equals("provisional")) {
            throw InvalidInputException.at(Path.of("status"), 0, "expected final or provisional, found \"" + status + "\"");
        }
        return append(id, seen, Revision.Draft.status(r.name(), status, author, reason));
    }

    private At append(String id, OptionalInt seen, Revision.Draft draft) {
        forget(id);
        List<Revision> history = history(id);
        if (history.isEmpty()) {
            throw new StoreException.NotFound("no championship " + id);
        }
        int latest = history.getLast().number();
        int base = seen.orElse(latest);
        if (base != latest) {
            throw new StoreException.Conflict("revision " + latest + " was written after revision " + base + "; reload and try again");
        }
        List<Revision> candidate = new ArrayList<>(history);
        candidate.add(new Revision(latest + 1, draft.kind(), draft.race(), draft.format(), draft.payload(), draft.author(),
                draft.reason(), draft.reverts(), java.time.Instant.EPOCH));
        Championship next = Replay.championship(candidate, latest + 1); // throws InvalidInputException: nothing is written
        try {
            store.append(id, base, draft);
            replayed.put(id + "@" + (latest + 1), next); // what was checked is what is read: no second replay
        } finally {
            forget(id);
        }
        return announced(id);
    }

    private At announced(String id) {
        forget(id);
        At at = at(id, OptionalInt.empty());
        Change change = new Change(id, at.history().getLast());
        listeners.forEach(l -> l.accept(change));
        return at;
    }

    /** Splits a decisions.yaml into one YAML list item per decision, keyed by its race. */
    private static List<Map.Entry<String, String>> decisionItems(String decisionsYaml) {
        try {
            var root = YAML.readTree(decisionsYaml);
            List<Map.Entry<String, String>> items = new ArrayList<>();
            if (root != null && root.has("decisions") && root.get("decisions").isArray()) {
                for (var item : root.get("decisions")) {
                    items.add(Map.entry(item.path("race").asText(), YAML.writeValueAsString(List.of(item))));
                }
            }
            return items;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decisions.yaml was read once already", e);
        }
    }

    private static String yaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Store.Listing> listing(String id) {
        return store.championship(id);
    }
}
