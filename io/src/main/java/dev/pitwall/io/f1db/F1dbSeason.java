package dev.pitwall.io.f1db;

import java.util.List;

/** One Formula 1 season as F1DB records it: its rounds in order, with F1DB's final standings. */
public record F1dbSeason(int year, List<F1dbRace> races, List<F1dbStanding> driverStandings, List<F1dbStanding> constructorStandings) {

    public F1dbSeason {
        races = List.copyOf(races);
        driverStandings = List.copyOf(driverStandings);
        constructorStandings = List.copyOf(constructorStandings);
    }
}
