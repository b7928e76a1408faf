package dev.pitwall.core.model;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns names into the lower-case, hyphenated form used in file names and addresses. Latin letters lose their accents
 * ({@code Pérez} is {@code perez}); letters and digits of every other script are kept as they are, so {@code 宮園 拓真}
 * is {@code 宮園-拓真} and two names in Japanese, Arabic or Cyrillic stay apart. A name without a letter or digit has an
 * empty slug.
 */
public final class Slug {

    /** The accents of Latin letters, as decomposed: a Japanese voicing mark or a Cyrillic breve is part of its letter. */
    private static final java.util.regex.Pattern LATIN_ACCENTS = java.util.regex.Pattern.compile("(?<=\\p{IsLatin})\\p{M}+");

    private Slug() {
    }

    public static String of(String name) {
        if (!ascii(name)) {
            String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
            String plain = Normalizer.normalize(LATIN_ACCENTS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC);
            return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M}]+", "-").replaceAll("(^-+|-+$)", "");
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
