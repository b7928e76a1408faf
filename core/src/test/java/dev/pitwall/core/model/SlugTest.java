package dev.pitwall.core.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SlugTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Grand Final|grand-final",
            "grand final|grand-final",
            "  Race 1 |race-1",
            "Indianapolis 500|indianapolis-500",
            "--São Paulo GP--|sao-paulo-gp",
            "Nürburgring 24h|nurburgring-24h",
            "Großer Preis|großer-preis",
            "宮園 拓真|宮園-拓真",
            "佐々木 拓真|佐々木-拓真",
            "ゴン|ゴン",
            "Михаил Кузнецов|михаил-кузнецов",
            "Йохан|йохан",
            "محمد علي|محمد-علي",
            "Nguyễn Văn|nguyen-van",
            "???|''"})
    void namesBecomeTheirAddressForm(String name, String slug) {
        assertThat(Slug.of(name)).isEqualTo(slug);
    }

    @org.junit.jupiter.api.Test
    void namesInOtherScriptsStayApart() {
        assertThat(Slug.of("宮園 拓真")).isNotEqualTo(Slug.of("佐々木 拓真")).isNotEmpty();
        assertThat(Slug.of("ゴン")).isNotEqualTo(Slug.of("コン"));
        assertThat(Slug.of("Иван Петров")).isNotEqualTo(Slug.of("Пётр Иванов"));
    }

    /** The definition the fast path for plain ASCII must agree with: accents stripped, then runs of others as one hyphen. */
    private static String byDefinition(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyAsciiNameSlugsAsTheDefinitionSays(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                name.append((char) random.nextInt(0x20, 0x7f));
            }
            assertThat(Slug.of(name.toString())).as("slug of \"%s\"", name).isEqualTo(byDefinition(name.toString()));
        }
    }
}
