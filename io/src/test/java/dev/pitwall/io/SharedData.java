package dev.pitwall.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's shared real-world data lives: {@code shared/data} beside the checkout. */
public final class SharedData {

    private SharedData() {
    }

    public static Path f1db() {
        return find("shared/data/f1db");
    }

    public static Path simResults() {
        return find("shared/data/sim-results");
    }

    public static Path f1Rules() {
        return find("examples/f1");
    }

    private static Path find(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath()
                + ": the tests need the shared data set beside the checkout");
    }
}
