package dev.pitwall.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pitwall.store.Credential;
import dev.pitwall.store.Revision;
import dev.pitwall.store.Store;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who may write what. Reading is public; a write needs a bearer token whose role may make it: organizers everything,
 * stewards the stewards' decisions and the reverts of decisions. An address that keeps presenting unknown tokens is
 * answered 429 for a while instead of being let to guess on.
 */
final class Access {

    /** Failed authentications an address may make in {@link #WINDOW} before it has to wait. */
    static final int FAILURES_ALLOWED = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Store store;
    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(100_000).build();

    Access(Store store) {
        this.store = store;
    }

    /** The writer, who must hold one of the roles. */
    Credential require(Context ctx, Credential.Role... roles) {
        AtomicInteger failed = failures.getIfPresent(ctx.ip());
        if (failed != null && failed.get() >= FAILURES_ALLOWED) {
            ctx.header("Retry-After", Long.toString(WINDOW.toSeconds()));
            throw new Problem.Failure(Problem.of(429, "Too Many Requests", "too many unknown tokens from this address; wait "
                    + WINDOW.toSeconds() + " s"), false);
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Problem.Failure.unauthorized("this change needs a bearer token (Authorization: Bearer <token>)");
        }
        Credential who = store.authenticate(header.substring(7).strip()).orElseThrow(() -> {
            failures.get(ctx.ip(), k -> new AtomicInteger()).incrementAndGet();
            return Problem.Failure.unauthorized("the bearer token is not known");
        });
        if (!Set.of(roles).contains(who.role())) {
            throw Problem.Failure.forbidden(who.name() + " is a " + who.role().label() + "; this change needs the role "
                    + String.join(" or ", Arrays.stream(roles).map(Credential.Role::label).toList()));
        }
        return who;
    }

    /** Stewards revert decisions and the reverts of decisions; whatever else is reverted, an organizer reverts. */
    static void mayRevert(Credential who, Revision target, java.util.List<Revision> history) {
        if (who.role() == Credential.Role.ORGANIZER || decision(target, history)) {
            return;
        }
        throw Problem.Failure.forbidden(who.name() + " is a steward; stewards revert the stewards' decisions (and their reverts), "
                + "and revision " + target.number() + " is " + target.kind().name().toLowerCase(java.util.Locale.ROOT)
                + ": an organizer reverts it");
    }

    private static boolean decision(Revision r, java.util.List<Revision> history) {
        if (r.kind() == Revision.Kind.DECISION) {
            return true;
        }
        if (r.kind() == Revision.Kind.REVERT && r.reverts().isPresent()) {
            int target = r.reverts().getAsInt();
            return history.stream().filter(h -> h.number() == target).findFirst().map(h -> decision(h, history)).orElse(false);
        }
        return false;
    }
}
