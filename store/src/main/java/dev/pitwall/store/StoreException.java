package dev.pitwall.store;

/** The store could not do what was asked; the subclasses say why in terms a caller can act on. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }

    /** Someone else changed the championship first: the revision asked for is no longer the latest. */
    public static final class Conflict extends StoreException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** No such championship or revision. */
    public static final class NotFound extends StoreException {
        public NotFound(String message) {
            super(message);
        }
    }
}
