package dev.pitwall.store;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Slug;
import dev.pitwall.io.ChampionshipFiles;
import dev.pitwall.io.ChampionshipSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds a championship's files from its revisions, as they stood at a given revision: the latest regulations,
 * the latest results of each race, the decisions in order, leaving out whatever was reverted.
 */
public final class Replay {

    private Replay() {
    }

    /**
     * The revisions that stand at {@code upTo}. Reverts are read from the latest back: a revert that stands takes its
     * target out, so a revert of a revert puts the first target back.
     */
    public static List<Revision> standing(List<Revision> revisions, int upTo) {
        Set<Integer> cancelled = new HashSet<>();
        for (int i = revisions.size() - 1; i >= 0; i--) {
            Revision r = revisions.get(i);
            if (r.number() <= upTo && r.kind() == Revision.Kind.REVERT && !cancelled.contains(r.number())) {
                cancelled.add(r.reverts().orElseThrow());
            }
        }
        return revisions.stream().filter(r -> r.number() <= upTo && !cancelled.contains(r.number())
                && r.kind() != Revision.Kind.REVERT).toList();
    }

    /** The championship's files at a revision. */
    public static ChampionshipSource source(List<Revision> revisions, int upTo) {
        Map<String, String> files = new LinkedHashMap<>();
        List<String> decisions = new ArrayList<>();
        for (Revision r : standing(revisions, upTo)) {
            switch (r.kind()) {
                case REGULATIONS -> files.put(ChampionshipFiles.REGULATIONS, r.payload());
                case RESULTS -> {
                    String slug = Slug.of(r.race().orElseThrow());
                    files.keySet().removeIf(f -> f.startsWith(ChampionshipFiles.RESULTS + "/" + slug + "."));
                    files.put(ChampionshipFiles.RESULTS + "/" + slug + "." + r.format().orElse("md"), r.payload());
                }
                case DECISION -> decisions.add(r.payload().stripTrailing());
                case STATUS, REVERT -> {
                }
            }
        }
        if (!decisions.isEmpty()) {
            StringBuilder yaml = new StringBuilder("decisions:\n");
            for (String d : decisions) {
                d.lines().forEach(line -> yaml.append("  ").append(line).append('\n'));
            }
            files.put(ChampionshipFiles.DECISIONS, yaml.toString());
        }
        return ChampionshipSource.of(files);
    }

    public static Championship championship(List<Revision> revisions, int upTo) {
        return ChampionshipFiles.load(source(revisions, upTo));
    }

    /** Each race's status at a revision: {@code provisional} unless marked otherwise. */
    public static Map<String, String> statuses(List<Revision> revisions, int upTo) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (Revision r : standing(revisions, upTo)) {
            if (r.kind() == Revision.Kind.STATUS) {
                statuses.put(Slug.of(r.race().orElseThrow()), r.payload());
            }
        }
        return statuses;
    }
}
