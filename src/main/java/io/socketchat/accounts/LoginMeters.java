package io.socketchat.accounts;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code chat.logins} with a {@code result} tag per outcome, counted from the start and
 * shown once the metrics side binds them.
 */
public final class LoginMeters {

    /** The {@code result} tags. */
    public enum Result {

        OK, WRONG_PASSWORD, WRONG_CODE, EXPIRED, LOCKED;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

    }

    private final Map<Result, LongAdder> counts = new EnumMap<>(Result.class);

    LoginMeters() {
        for (Result result : Result.values()) {
            counts.put(result, new LongAdder());
        }
    }

    void count(Result result) {
        counts.get(result).increment();
    }

    public void bindTo(MeterRegistry registry) {
        counts.forEach((result, count) -> FunctionCounter.builder("chat.logins", count, LongAdder::sum)
            .description("Logins to accounts, by result")
            .tag("result", result.tag())
            .register(registry));
    }

}
