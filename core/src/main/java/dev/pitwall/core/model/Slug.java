package dev.pitwall.core.model;

import java.text.Normalizer;
import java.util.Locale;

/** Turns names into the lower-case, accent-free, hyphenated form used in file names and addresses. */
public final class Slug {

    private Slug() {
    }

    public static String of(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}
