package dev.pitwall.core.model;

import java.text.Normalizer;
import java.util.Locale;

/** Turns names into the lower-case, accent-free, hyphenated form used in file names and addresses. */
public final class Slug {

    private Slug() {
    }

    public static String of(String name) {
        if (!ascii(name)) {
            String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        }
        // The same for plain ASCII (most names), without the normalizer and the regular expressions: races are looked
        // up by slug for every table of a season.
        StringBuilder slug = new StringBuilder(name.length());
        boolean gap = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && !slug.isEmpty()) {
                    slug.append('-');
                }
                slug.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return slug.toString();
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
