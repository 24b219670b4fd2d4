package io.socketchat.health;

import io.socketchat.accounts.AccountBook;
import io.socketchat.room.ChatMetrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The chat's counts, which start with the chat port, shown as meters once the metrics
 * side exists.
 */
@Component
class ChatMeters implements MeterBinder {

    private final ChatMetrics metrics;

    private final AccountBook accounts;

    ChatMeters(ChatMetrics metrics, AccountBook accounts) {
        this.metrics = metrics;
        this.accounts = accounts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        metrics.bindTo(registry);
        accounts.meters().bindTo(registry);
    }

}
