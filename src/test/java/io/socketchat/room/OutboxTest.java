package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * One user's send queue against a fake transport: what is drained, when it refuses, how
 * it closes.
 */
class OutboxTest {

    private final RecordingConnections connections = new RecordingConnections();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final AtomicInteger closedCalls = new AtomicInteger();

    private Outbox outbox(int limit) {
        return new Outbox("c1", limit, connections, new ChatMetrics(registry), closedCalls::incrementAndGet);
    }

    private static String text(byte[] batch) {
        return batch == null ? null : new String(batch, StandardCharsets.UTF_8);
    }

    private static String text(ByteBuffer batch) {
        if (batch == null) {
            return null;
        }
        byte[] bytes = new byte[batch.remaining()];
        batch.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private double delivered() {
        return registry.get("chat.messages.delivered").functionCounter().count();
    }

    @Test
    void queuedLinesAreDrainedAsOneBatchAndOneDrainIsAskedForAtATime() {
        Outbox outbox = outbox(10);

        outbox.offer("one");
        outbox.offer("two");
        outbox.offer("drei ü");

        assertThat(connections.drainRequests).containsExactly(outbox);
        assertThat(text(outbox.nextBatch())).isEqualTo("one\ntwo\ndrei ü\n");
        outbox.written();
        assertThat(delivered()).isEqualTo(3);
        assertThat(outbox.nextBatch()).isNull();
        assertThat(outbox.finishDrain()).isTrue();

        outbox.offer("four");
        assertThat(connections.drainRequests).containsExactly(outbox, outbox);
        assertThat(text(outbox.nextBatch())).isEqualTo("four\n");
    }

    @Test
    void aWritersBufferTakesWholeLinesOnlyAndALineLargerThanItComesAlone() {
        Outbox outbox = outbox(10);
        ByteBuffer buffer = ByteBuffer.allocateDirect(8);
        outbox.offer("abc");
        outbox.offer("de");
        outbox.offer("fghij");
        outbox.offer("a line longer than the buffer");
        outbox.offer("k");

        assertThat(text(outbox.nextBatch(buffer))).isEqualTo("abc\nde\n");
        outbox.written();
        assertThat(delivered()).isEqualTo(2);
        assertThat(text(outbox.nextBatch(buffer))).isEqualTo("fghij\n");
        outbox.written();
        ByteBuffer alone = outbox.nextBatch(buffer);
        assertThat(alone).isNotSameAs(buffer);
        assertThat(text(alone)).isEqualTo("a line longer than the buffer\n");
        outbox.written();
        assertThat(text(outbox.nextBatch(buffer))).isEqualTo("k\n");
        outbox.written();
        assertThat(delivered()).isEqualTo(5);
        assertThat(outbox.nextBatch(buffer)).isNull();
    }

    @Test
    void aSingleLineIsItsOwnBatch() {
        Outbox outbox = outbox(10);
        outbox.offer("only");

        assertThat(text(outbox.nextBatch())).isEqualTo("only\n");
        assertThat(outbox.nextBatch()).isNull();
    }

    @Test
    void aLineThatArrivesAsTheDrainEndsKeepsTheDrainGoing() {
        Outbox outbox = outbox(10);
        outbox.offer("one");
        assertThat(text(outbox.nextBatch())).isEqualTo("one\n");
        outbox.written();
        // the drainer is still marked: this line asks for no new drain
        outbox.offer("two");
        assertThat(connections.drainRequests).hasSize(1);

        assertThat(outbox.finishDrain()).as("lines came in: drain on").isFalse();
        assertThat(text(outbox.nextBatch())).isEqualTo("two\n");
    }

    @Test
    void pastTheLimitAClientThatDoesNotReadIsRefused() {
        Outbox outbox = outbox(2);
        connections.backlogged = true;

        assertThat(outbox.offer(Outbox.encode("1"))).isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.offer(Outbox.encode("2"))).isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.offer(Outbox.encode("3"))).isEqualTo(Outbox.Offer.REFUSED);

        assertThat(text(outbox.nextBatch())).isEqualTo("1\n2\n");
    }

    @Test
    void pastTheLimitWithAReadingClientTheServerIsBehindUpToTwiceTheLimit() {
        Outbox outbox = outbox(2);

        assertThat(outbox.offer(Outbox.encode("1"))).isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.offer(Outbox.encode("2"))).isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.offer(Outbox.encode("3"))).isEqualTo(Outbox.Offer.BEHIND);
        assertThat(outbox.offer(Outbox.encode("4"))).isEqualTo(Outbox.Offer.BEHIND);
        assertThat(outbox.offer(Outbox.encode("5"))).isEqualTo(Outbox.Offer.REFUSED);

        assertThat(text(outbox.nextBatch())).isEqualTo("1\n2\n3\n4\n");
    }

    @Test
    void aSenderWaitingForTheQueueToCatchUpIsLetGoOnceLinesAreWritten() throws Exception {
        Outbox outbox = outbox(1);
        outbox.offer(Outbox.encode("1"));
        outbox.offer(Outbox.encode("2"));
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
            try {
                outbox.awaitCatchUp(10_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(sender).isNotDone();

        outbox.nextBatch();
        outbox.written();

        await().atMost(Duration.ofSeconds(5)).until(sender::isDone);
    }

    @Test
    void closeWhenWrittenWritesWhatIsQueuedThenClosesOnceAndIgnoresLaterLines() {
        Outbox outbox = outbox(10);
        outbox.offer("last words");
        outbox.closeWhenWritten();
        outbox.offer("too late");

        assertThat(text(outbox.nextBatch())).isEqualTo("last words\n");
        outbox.written();
        assertThat(connections.closed).isEmpty();
        assertThat(outbox.nextBatch()).isNull();
        assertThat(outbox.finishDrain()).isTrue();

        assertThat(connections.closed).containsExactly("c1");
        assertThat(closedCalls).hasValue(1);
        assertThat(outbox.isClosed()).isTrue();
        outbox.failed();
        assertThat(connections.closed).containsExactly("c1");
        assertThat(closedCalls).hasValue(1);
    }

    @Test
    void closeNowDropsWhatIsQueued() {
        Outbox outbox = outbox(10);
        outbox.offer("never sent");

        outbox.closeNow();

        assertThat(outbox.nextBatch()).isNull();
        assertThat(connections.closed).containsExactly("c1");
        assertThat(closedCalls).hasValue(1);
    }

    @Test
    void aFailedConnectionClosesAndDropsTheQueue() {
        Outbox outbox = outbox(10);
        outbox.offer("lost");

        outbox.failed();

        assertThat(outbox.nextBatch()).isNull();
        assertThat(outbox.isClosed()).isTrue();
        assertThat(connections.closed).containsExactly("c1");
    }

}
