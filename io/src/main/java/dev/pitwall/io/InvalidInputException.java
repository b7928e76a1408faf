package dev.pitwall.io;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot be read as it is. Nothing of it has been taken in. */
public final class InvalidInputException extends RuntimeException {

    private final List<InputError> errors;

    public InvalidInputException(List<InputError> errors) {
        super(errors.stream().map(InputError::toString).collect(Collectors.joining(System.lineSeparator())));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException at(Path file, int line, String message) {
        return new InvalidInputException(List.of(new InputError(file, line, message)));
    }

    public List<InputError> errors() {
        return errors;
    }
}
