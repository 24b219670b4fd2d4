package io.socketchat.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketchat.protocol.InboundLine;

import org.junit.jupiter.api.Test;

class FrameLineTest {

    @Test
    void aFrameIsOneLineWithoutItsLineEnd() {
        assertThat(FrameLine.of("hello", 1024)).isEqualTo(new InboundLine.Text("hello"));
        assertThat(FrameLine.of("hello\n", 1024)).isEqualTo(new InboundLine.Text("hello"));
        assertThat(FrameLine.of("hello\r\n", 1024)).isEqualTo(new InboundLine.Text("hello"));
    }

    @Test
    void controlCharactersAreRemovedAsFromTcpLines() {
        assertThat(FrameLine.of("a\u001b[31mred\u0007", 1024)).isEqualTo(new InboundLine.Text("a[31mred"));
    }

    @Test
    void theLimitCountsUtf8BytesNotCharacters() {
        assertThat(FrameLine.of("x".repeat(16), 16)).isInstanceOf(InboundLine.Text.class);
        assertThat(FrameLine.of("x".repeat(17), 16)).isEqualTo(InboundLine.TOO_LONG);
        // eight two-byte letters fill 16 bytes; a ninth passes the limit
        assertThat(FrameLine.of("é".repeat(8), 16)).isInstanceOf(InboundLine.Text.class);
        assertThat(FrameLine.of("é".repeat(9), 16)).isEqualTo(InboundLine.TOO_LONG);
        // four-byte characters (two UTF-16 units each)
        assertThat(FrameLine.of("😀".repeat(4), 16)).isInstanceOf(InboundLine.Text.class);
        assertThat(FrameLine.of("😀".repeat(4) + "x", 16)).isEqualTo(InboundLine.TOO_LONG);
        // the line end does not count
        assertThat(FrameLine.of("x".repeat(16) + "\r\n", 16)).isInstanceOf(InboundLine.Text.class);
    }

}
