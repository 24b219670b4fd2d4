package io.socketchat.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.socketchat.room.Outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Writes browsers' outboxes, one line per text frame, through the {@code toBrowsers}
 * channel to the WebSocket outbound adapter. A WebSocket send blocks while the browser's
 * socket is full, so each outbox is drained on a thread of its own (at most one at a time
 * per outbox, as {@link Outbox} guarantees): a browser that stops reading holds only its
 * own writer, for at most the send time limit, and never a room or broadcast thread.
 */
final class BrowserWriters {

    private static final Logger log = LoggerFactory.getLogger(BrowserWriters.class);

    private final MessageChannel toBrowsers;

    private final ExecutorService threads;

    /**
     * @param maxThreads writers at once: a bound of its own, so browsers coming and going
     * cannot grow the thread count; more outboxes to write wait their turn in a queue
     */
    BrowserWriters(MessageChannel toBrowsers, int maxThreads) {
        this.toBrowsers = toBrowsers;
        CustomizableThreadFactory factory = new CustomizableThreadFactory("chat-web-");
        factory.setDaemon(true);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxThreads, maxThreads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        this.threads = pool;
    }

    /**
     * Returns at once; the outbox is written on a writer thread until its drain is over.
     */
    void drain(Browser browser, Outbox outbox) {
        try {
            threads.execute(() -> write(browser, outbox));
        }
        catch (RejectedExecutionException shuttingDown) {
            outbox.failed();
        }
    }

    /**
     * Closes on a writer thread: a close waits for a send in progress, and the room may
     * be holding its lock.
     */
    void close(Browser browser) {
        try {
            threads.execute(browser::close);
        }
        catch (RejectedExecutionException shuttingDown) {
            browser.close();
        }
    }

    void stop() {
        // not shutdownNow: a close waiting on a stuck browser would log its interruption
        // as an error
        threads.shutdown();
    }

    private void write(Browser browser, Outbox outbox) {
        try {
            while (true) {
                byte[] batch = outbox.nextBatch();
                if (batch == null) {
                    if (outbox.finishDrain()) {
                        return;
                    }
                    continue;
                }
                if (!sendLines(browser, batch)) {
                    outbox.failed();
                    return;
                }
                outbox.written();
            }
        }
        catch (RuntimeException ex) {
            log.debug("Writing to {} failed; closing it", outbox.connectionId(), ex);
            outbox.failed();
        }
    }

    /**
     * A batch holds whole LF-terminated lines: each goes out as one text frame, without
     * its LF.
     */
    private boolean sendLines(Browser browser, byte[] batch) {
        int start = 0;
        for (int i = 0; i < batch.length; i++) {
            if (batch[i] == '\n') {
                if (!send(browser, new String(batch, start, i - start, StandardCharsets.UTF_8))) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    private boolean send(Browser browser, String line) {
        browser.sending();
        try {
            return toBrowsers.send(MessageBuilder.withPayload(line)
                .setHeader(SimpMessageHeaderAccessor.SESSION_ID_HEADER, browser.webSocketId())
                .build());
        }
        catch (MessagingException ex) {
            log.debug("Write to WebSocket {} failed: {}", browser.webSocketId(), ex.getMessage(), ex);
            return false;
        }
        finally {
            browser.sent();
        }
    }

}
