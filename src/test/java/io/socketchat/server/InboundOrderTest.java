package io.socketchat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.socketchat.protocol.InboundLine;
import io.socketchat.protocol.InboundLine.Text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The order, pause and end-of-connection rules of one connection's inbound side, without
 * Spring or sockets.
 */
class InboundOrderTest {

    private final List<String> handled = new ArrayList<>();

    private final AtomicInteger gone = new AtomicInteger();

    private final List<Runnable> pauseChecks = new ArrayList<>();

    private final TestPipe pipe = new TestPipe();

    private InboundOrder order(long pauseNanos) {
        return new InboundOrder(pipe, new LineFramer(100), (task, delayNanos) -> pauseChecks.add(task), pauseNanos,
                line -> handled.add(((Text) line).text()), gone::incrementAndGet);
    }

    private static List<InboundLine> lines(String... texts) {
        return List.of(texts).stream().<InboundLine>map(Text::new).toList();
    }

    @Test
    void framesDeliveredOutOfOrderAreHandedOnInOrder() {
        InboundOrder order = order(1);
        order.deliver(3, lines("five"));
        order.deliver(2, lines("three", "four"));
        assertThat(handled).as("waiting for frame 1").isEmpty();
        order.deliver(1, lines("one", "two"));
        assertThat(handled).containsExactly("one", "two", "three", "four", "five");
        order.deliver(4, lines("six"));
        assertThat(handled).endsWith("six");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aLineWhoseHandlingFailsIsSkippedAndTheConnectionGoesOnAndLeaves(CapturedOutput output) throws IOException {
        InboundOrder order = new InboundOrder(pipe, new LineFramer(100), (task, delay) -> {
        }, 1, line -> {
            String text = ((Text) line).text();
            if (text.equals("boom")) {
                throw new IllegalStateException("handler failed");
            }
            handled.add(text);
        }, gone::incrementAndGet);

        pipe.arrive("before\nboom\nafter\n");
        order.read().deliver();
        pipe.arrive("later\n");
        order.read().deliver();
        order.closed();

        assertThat(handled).containsExactly("before", "after", "later");
        assertThat(gone).as("the connection leaves cleanly").hasValue(1);
        assertThat(output.getAll().split("could not be handled", -1)).as("logged once").hasSize(2);
        assertThat(output.getAll()).contains("handler failed");
    }

    @Test
    void aClosedConnectionIsGoneOnlyAfterItsFramesAreHandled() throws IOException {
        InboundOrder order = order(1);
        pipe.arrive("one\ntwo\n");
        InboundOrder.Frame frame = order.read();
        order.closed();
        assertThat(gone).as("a frame is still on its way").hasValue(0);
        frame.deliver();
        assertThat(handled).containsExactly("one", "two");
        assertThat(gone).hasValue(1);
    }

    @Test
    void aPauseAfterTheFirstUnterminatedChunkMakesItALine() throws IOException {
        InboundOrder order = order(1);
        pipe.arrive("alice");
        assertThat(order.read()).isNull();
        assertThat(pauseChecks).as("one check scheduled").hasSize(1);
        pauseChecks.remove(0).run();
        assertThat(handled).containsExactly("alice");

        pipe.arrive("hello");
        assertThat(order.read()).isNull();
        pauseChecks.remove(0).run();
        pipe.arrive("exit");
        assertThat(order.read()).isNull();
        order.closed();
        assertThat(handled).as("the end of input ends the last chunk").containsExactly("alice", "hello", "exit");
        assertThat(gone).hasValue(1);
    }

    @Test
    void aFramedConnectionIsNeverCutByAPause() throws IOException {
        InboundOrder order = order(1);
        pipe.arrive("bob\npart");
        order.read().deliver();
        assertThat(pauseChecks).as("nothing to check on a framed connection").isEmpty();
        pipe.arrive(" two\n");
        order.read().deliver();
        assertThat(handled).containsExactly("bob", "part two");
    }

    @Test
    void bytesArrivingBeforeThePauseEndsPostponeIt() throws IOException {
        InboundOrder order = order(60_000_000_000L);
        pipe.arrive("ali");
        order.read();
        pauseChecks.remove(0).run();
        assertThat(handled).as("a minute has not passed").isEmpty();
        assertThat(pauseChecks).as("checked again later").hasSize(1);
    }

}
