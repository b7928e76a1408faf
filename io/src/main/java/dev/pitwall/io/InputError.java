package dev.pitwall.io;

import java.nio.file.Path;

/**
 * One thing wrong with an input file, where it is and what was expected, printed as
 * {@code results/grand-final.md:14: expected a time like 17'47.179 or +00.205, found "+0O.205"}.
 *
 * @param line 1-based line number, or 0 when the problem is with the file as a whole
 */
public record InputError(Path file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
