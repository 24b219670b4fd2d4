package io.socketchat.accounts;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Hashes and checks passwords and invite codes with Argon2id (Spring Security's encoder,
 * Bouncy Castle's Argon2), salted, compared in constant time, on a small pool of its own:
 * no thread that carries lines ever computes one or waits for one. With 32 MiB and 3
 * passes one check costs about 100 ms of one core here (docs/accounts.md): slow for
 * someone guessing, unnoticed by a friend. A full queue refuses at once rather than
 * letting logins pile up.
 */
final class SecretHasher implements AutoCloseable {

    static final int THREADS = 2;

    static final int QUEUE = 128;

    private static final int WARM_UP_ROUNDS = 6;

    private final Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 32 * 1024, 3);

    private final ThreadPoolExecutor pool;

    SecretHasher() {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                work -> {
                    Thread thread = new Thread(work, "account-hash-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Hashes a few times on one of the pool's threads, so that the first friend to log in
     * after a start does not wait seconds for the JIT to compile Argon2.
     */
    void warmUp() {
        run(() -> {
            String hash = argon2.encode("warm-up only");
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                argon2.matches("warm-up only", hash);
            }
            return hash;
        });
    }

    /** A new salted hash; fails with {@link RejectedExecutionException} when busy. */
    CompletableFuture<String> hash(String secret) {
        return run(() -> argon2.encode(secret));
    }

    /**
     * Whether the secret matches the hash; fails with {@link RejectedExecutionException}
     * when busy.
     */
    CompletableFuture<Boolean> matches(String secret, String hash) {
        return run(() -> argon2.matches(secret, hash));
    }

    private <T> CompletableFuture<T> run(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, pool);
        }
        catch (RejectedExecutionException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

}
