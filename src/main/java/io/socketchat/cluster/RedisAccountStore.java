package io.socketchat.cluster;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.socketchat.accounts.Account;
import io.socketchat.accounts.AccountJson;
import io.socketchat.accounts.AccountStore;
import io.socketchat.accounts.AccountsUnavailableException;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The room's accounts, shared by every node: one Redis hash,
 * {@code socketchat:{room}:accounts} (look-alike key → the account as JSON, hashes only),
 * so an invite made on one node is used on another. A conditional change is one script:
 * an invite is used once, a name registered once, whichever node asks first.
 */
final class RedisAccountStore implements AccountStore {

    static final String KEY = "socketchat:{room}:accounts";

    /** Sets the field to ARGV[3] if it is ARGV[2] now ('' = if there is none). */
    private static final RedisScript<Long> REPLACE = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if ARGV[2] == '' then
              if current then return 0 end
            elseif current ~= ARGV[2] then
              return 0
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;

    RedisAccountStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Optional<Account> find(String key) {
        return call(() -> Optional.ofNullable(redis.opsForHash().get(KEY, key))
            .map(json -> AccountJson.read(json.toString())));
    }

    @Override
    public List<Account> all() {
        return call(
                () -> redis.opsForHash().values(KEY).stream().map(json -> AccountJson.read(json.toString())).toList());
    }

    @Override
    public void put(Account account) {
        call(() -> {
            redis.opsForHash().put(KEY, account.key(), AccountJson.write(account));
            return null;
        });
    }

    @Override
    public boolean replace(Account expected, Account updated) {
        String before = expected == null ? "" : AccountJson.write(expected);
        Long stored = call(
                () -> redis.execute(REPLACE, List.of(KEY), updated.key(), before, AccountJson.write(updated)));
        return stored != null && stored == 1;
    }

    @Override
    public boolean remove(String key) {
        Long removed = call(() -> redis.opsForHash().delete(KEY, key));
        return removed != null && removed > 0;
    }

    private static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        }
        catch (RuntimeException ex) {
            // unreachable, or a value that is not an account: either way none can be used
            throw new AccountsUnavailableException("The accounts in Redis cannot be used: " + ex.getMessage(), ex);
        }
    }

}
