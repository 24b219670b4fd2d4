package io.socketchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchMessageTest {

    private final String[] names = { "b0", "b1", "b2" };

    private boolean decode(BenchMessage codec, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return codec.decodeDelivery(bytes, 0, bytes.length);
    }

    @Test
    void roundTripsThroughADeliveryLine() {
        BenchMessage codec = new BenchMessage("abc123", 64, names);
        String text = codec.encodeToString(2, 41, 123_456_789L);

        assertThat(text).startsWith("~abc123 2 41 123456789 ").hasSize(64);
        assertThat(decode(codec, "b2: " + text)).isTrue();
        assertThat(codec.sender).isEqualTo(2);
        assertThat(codec.seq).isEqualTo(41);
        assertThat(codec.sentNanos).isEqualTo(123_456_789L);
    }

    @Test
    void encodesExactlyThePayloadSizeWithOneLf() {
        BenchMessage codec = new BenchMessage("abc123", 400, names);
        ByteBuffer out = ByteBuffer.allocate(codec.maxLineBytes());

        int n = codec.encode(out, 1, 0, 5);

        assertThat(n).isEqualTo(401);
        assertThat(out.get(400)).isEqualTo((byte) '\n');
    }

    @Test
    void aPayloadSmallerThanTheHeaderSendsTheHeaderOnly() {
        BenchMessage codec = new BenchMessage("abc123", 1, names);

        assertThat(codec.encodeToString(0, 7, 99)).isEqualTo("~abc123 0 7 99");
        assertThat(decode(codec, "b0: ~abc123 0 7 99")).isTrue();
    }

    @Test
    void ignoresLinesThatAreNotThisRunsMessages() {
        BenchMessage codec = new BenchMessage("abc123", 64, names);

        assertThat(decode(codec, "b2: ~zzz999 2 1 5 ....")).as("another run").isFalse();
        assertThat(decode(codec, "b1: ~abc123 2 1 5 ....")).as("name does not match sender").isFalse();
        assertThat(decode(codec, "b2: ~abc123 7 1 5")).as("unknown sender").isFalse();
        assertThat(decode(codec, "* b2 joined the chat")).isFalse();
        assertThat(decode(codec, "Server: ~abc123 2 1 5")).isFalse();
        assertThat(decode(codec, "b2: hello")).isFalse();
        assertThat(decode(codec, "b2: ~abc123 2 x 5")).isFalse();
        assertThat(decode(codec, "b2: ~abc123 2 1")).isFalse();
        assertThat(decode(codec, "b2:~abc123 2 1 5")).isFalse();
        assertThat(decode(codec, "")).isFalse();
    }

    @Test
    void runIdsAreSixCharacters() {
        assertThat(BenchMessage.newRunId()).hasSize(6).matches("[a-z0-9]{6}");
    }

}
