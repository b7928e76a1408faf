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

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The championships a store holds, read as of any revision and changed one checked revision at a time: every write
 * is replayed with the revisions before it, under the championship's lock, and must load cleanly, so a rejected
 * write changes nothing and an accepted one is exactly what was checked. Histories and replayed championships are
 * cached (bounded); a cache is only a cache.
 */
public final class Championships {

    private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)).build();

    /** How long revisions read from the database are trusted before looking again (for writes by other processes). */
    private static final Duration FRESH = Duration.ofSeconds(1);

    private final Store store;
    private final Clock clock;
    /** Championships as replayed at a revision, by id and revision: what a revision replays to never changes. */
    private final Cache<String, At> replayed = Caffeine.newBuilder().maximumSize(512).build();
    /** Known championships' revisions; an id with no championship is never kept. */
    private final Cache<String, Known> histories = Caffeine.newBuilder().maximumSize(1_000).build();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    /** The list of championships as last read; forgotten at every change this process makes or hears of. */
    private volatile Listings listings;

    private record Listings(List<Store.Listing> list, Instant readAt) {
    }

    /** A championship's revisions as last read, and when. */
    private record Known(List<Revision> history, Instant readAt) {
        int latest() {
            return history.isEmpty() ? 0 : history.getLast().number();
        }

        /** These revisions and the ones after them; the older knowledge where the newer has fallen behind. */
        Known extended(List<Revision> after, Instant now) {
            if (after.isEmpty()) {
                return new Known(history, now);
            }
            List<Revision> all = new ArrayList<>(history.size() + after.size());
            all.addAll(history);
            for (Revision r : after) {
                if (r.number() == (all.isEmpty() ? 1 : all.getLast().number() + 1)) {
                    all.add(r);
                }
            }
            return new Known(List.copyOf(all), now);
        }
    }

    public Championships(Store store) {
        this(store, Clock.systemUTC());
    }

    public Championships(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The championship's revisions: from memory when read within the last second, else brought up to date. */
    private List<Revision> history(String id) {
        Instant now = clock.instant();
        Known known = histories.getIfPresent(id);
        if (known != null && !known.readAt().plus(FRESH).isBefore(now)) {
            return known.history();
        }
        return refresh(id, known, now).history();
    }

    /** Reads the revisions written since this process last looked; concurrent refreshes keep the longer history. */
    private Known refresh(String id, Known known, Instant now) {
        Known base = known == null ? new Known(List.of(), now) : known;
        Known fresh = base.extended(store.revisionsAfter(id, base.latest()), now);
        if (fresh.history().isEmpty()) {
            return fresh; // no such championship (yet): nothing is cached for it
        }
        return histories.asMap().merge(id, fresh, (older, newer) -> newer.latest() >= older.latest() ? newer : older);
    }

    /**
     * Brings this process's knowledge of a championship up to at least revision {@code number}, as when another server
     * on the same database announces it; returns the latest revision known afterwards.
     */
    public int catchUp(String id, int number) {
        Known known = histories.getIfPresent(id);
        if (known != null && known.latest() >= number) {
            return known.latest();
        }
        return refresh(id, known, clock.instant()).latest();
    }

    /** The latest revision of a championship as this process knows it (looked up again when a second old); 0 for none. */
    public int latest(String id) {
        List<Revision> history = history(id);
        return history.isEmpty() ? 0 : history.getLast().number();
    }

    /**
     * Another process on the same database wrote revision {@code number} (PostgreSQL told us): learn it and tell the
     * listeners, as for a write of this process.
     */
    public void heard(String id, int number) {
        listings = null;
        if (catchUp(id, number) >= number) {
            history(id).stream().filter(r -> r.number() == number).findFirst()
                    .ifPresent(r -> listeners.forEach(l -> l.accept(new Change(id, r))));
        }
    }

    /** A revision written by this process: known at once, without asking the database. */
    private void learn(String id, Revision revision) {
        listings = null;
        histories.asMap().computeIfPresent(id, (k, known) -> known.latest() == revision.number() - 1
                ? known.extended(List.of(revision), known.readAt()) : known);
    }

    /** A championship as it stood at a revision, with each race's results status. */
    public record At(String id, int revision, int latest, Championship championship, Map<String, String> statuses,
                     List<Revision> history) {

        /** {@code final} or {@code provisional}. */
        public String status(Race race) {
            return statuses.getOrDefault(race.slug(), "provisional");
        }

        /** The same revision, read when the championship's latest was {@code latest}. */
        At asOf(int latest) {
            return new At(id, revision, latest, championship, statuses, history);
        }
    }

    /** A revision just written. */
    public record Change(String id, Revision revision) {
    }

    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    /** The championships and their latest revisions: read again when a second old, or at once after a change. */
    public List<Store.Listing> list() {
        Listings known = listings;
        Instant now = clock.instant();
        if (known == null || known.readAt().plus(FRESH).isBefore(now)) {
            known = new Listings(store.championships(), now);
            listings = known;
        }
        return known.list();
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
        At at = replayed.get(id + "@" + n, k -> replayedAt(id, history, n, Replay.championship(history, n)));
        return at.latest() == latest ? at : at.asOf(latest);
    }

    private static At replayedAt(String id, List<Revision> history, int n, Championship championship) {
        List<Revision> upTo = history.stream().filter(r -> r.number() <= n).toList();
        return new At(id, n, n, championship, Replay.statuses(upTo, n), upTo);
    }

    /** Creates a championship from its regulations; its id is the slug given, or of its name. */
    public At create(Optional<String> slug, String regulationsYaml, String author, String reason) {
        Championship c = ChampionshipFiles.load(ChampionshipSource.of(Map.of(ChampionshipFiles.REGULATIONS, regulationsYaml)));
        String id = id(slug.orElse(c.name()));
        requireLength("the author", author, Store.WRITER_NAME_MAX);
        requireLength("the reason", reason, REASON_MAX);
        int number = store.create(id, c.name(), List.of(Revision.Draft.regulations(regulationsYaml, author, reason)));
        return announced(id, number);
    }

    /**
     * Imports a championship directory whole: regulations, every results file, every decision; all or nothing. Its id
     * is the slug of the directory's name ({@code examples/gtws-2024-nations-cup} is {@code gtws-2024-nations-cup}).
     */
    public At importDirectory(Path dir, String author) {
        return importDirectories(List.of(dir), author).getFirst();
    }

    /** Imports several championship directories in one transaction: all of them, or none. */
    public List<At> importDirectories(List<Path> dirs, String author) {
        List<Store.NewChampionship> created = dirs.stream().map(dir -> imported(dir, author)).toList();
        List<Integer> numbers = store.create(created);
        List<At> ats = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            ats.add(announced(created.get(i).id(), numbers.get(i)));
        }
        return ats;
    }

    private static Store.NewChampionship imported(Path dir, String author) {
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
        String id = id(dir.toAbsolutePath().normalize().getFileName().toString());
        // The revisions must give back exactly what was read before any of them is stored.
        List<Revision> replayable = new ArrayList<>();
        for (Revision.Draft d : drafts) {
            replayable.add(d.numbered(replayable.size() + 1));
        }
        if (Replay.championship(replayable, replayable.size()).racesRun().size() != c.racesRun().size()) {
            throw new IllegalStateException("the import of " + dir + " does not replay to the same championship");
        }
        return new Store.NewChampionship(id, c.name(), drafts);
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

    /** The longest id a championship may have; the longest reason a revision may carry. */
    static final int ID_MAX = 100;
    static final int REASON_MAX = 2_000;

    /** A championship's id: the slug of what was asked for, which must have a letter or digit. */
    private static String id(String asked) {
        String id = Slug.of(asked);
        if (id.isEmpty() || id.length() > ID_MAX) {
            throw InvalidInputException.at(Path.of("id"), 0, "expected an id of 1 to " + ID_MAX
                    + " letters, digits and hyphens (any script), found \"" + (asked.length() > 60 ? asked.substring(0, 57) + "..." : asked) + "\"");
        }
        return id;
    }

    private static void requireLength(String what, String value, int max) {
        if (value.length() > max) {
            throw InvalidInputException.at(Path.of(what), 0, "expected " + what + " of at most " + max + " characters, found " + value.length());
        }
    }

    /**
     * Appends a revision: on top of {@code expected} when given ({@code If-Match}), else after whatever came before.
     * Under the championship's lock the revision is replayed with every revision before it; only if the championship
     * loads is it written, and what was checked is what is read afterwards.
     */
    private At append(String id, OptionalInt expected, Revision.Draft draft) {
        requireLength("the author", draft.author(), Store.WRITER_NAME_MAX);
        requireLength("the reason", draft.reason(), REASON_MAX);
        Championship[] next = new Championship[1];
        Revision written = store.append(id, expected, draft, tip -> {
            Known known = histories.getIfPresent(id);
            Known base = known != null && known.latest() <= tip.latest() ? known : new Known(List.of(), clock.instant());
            List<Revision> history = base.extended(tip.after(base.latest()), clock.instant()).history();
            List<Revision> candidate = new ArrayList<>(history);
            candidate.add(draft.numbered(tip.latest() + 1));
            next[0] = Replay.championship(candidate, tip.latest() + 1); // throws InvalidInputException: nothing is written
        });
        learn(id, written);
        catchUp(id, written.number());
        // What was checked is what is read: the revision is not replayed a second time.
        replayed.asMap().computeIfAbsent(id + "@" + written.number(),
                k -> replayedAt(id, history(id), written.number(), next[0]));
        return announced(id, written.number());
    }

    /** The championship at a revision this process just wrote, after telling the listeners of it. */
    private At announced(String id, int number) {
        listings = null;
        catchUp(id, number);
        At at = at(id, OptionalInt.of(number));
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

    /** The revisions of a championship after a number, as this process knows them (brought up to date if stale). */
    public List<Revision> revisionsAfter(String id, int number) {
        List<Revision> history = history(id);
        return history.stream().filter(r -> r.number() > number).toList();
    }
}
