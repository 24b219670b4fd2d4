package io.socketchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProtocolLinesTest {

    @Test
    void theHistoryStartIsRecognisedInTheSingularAndThePlural() {
        assertThat(ProtocolLines.isHistoryStart("-- last 1 message --")).isTrue();
        assertThat(ProtocolLines.isHistoryStart("-- last 2 messages --")).isTrue();
        assertThat(ProtocolLines.isHistoryStart("-- last 20 messages --")).isTrue();

        assertThat(ProtocolLines.isHistoryStart("-- last 1 messages --")).isFalse();
        assertThat(ProtocolLines.isHistoryStart("-- last 2 message --")).isFalse();
        assertThat(ProtocolLines.isHistoryStart("-- last messages --")).isFalse();
        assertThat(ProtocolLines.isHistoryStart("-- end of history --")).isFalse();
    }

    @Test
    void theHelloLineListsWhoIsOnline() {
        String hello = "Hello b2! 3 users online: b0, alice, b2. Type /help for commands, exit to leave.";

        assertThat(ProtocolLines.isHello(hello, "b2")).isTrue();
        assertThat(ProtocolLines.isHello(hello, "b0")).isFalse();
        assertThat(ProtocolLines.namesOnline(hello)).containsExactly("b0", "alice", "b2");
        assertThat(ProtocolLines.namesOnline("Hello b0! 1 user online: b0. Type /help for commands, exit to leave."))
            .containsExactly("b0");
    }

    @Test
    void noticesGiveTheNameTheyAreAbout() {
        byte[] joined = "* b7 joined the chat".getBytes(StandardCharsets.UTF_8);
        byte[] dropped = "* b7 was disconnected (not reading)".getBytes(StandardCharsets.UTF_8);

        assertThat(ProtocolLines.noticeName(joined, 0, joined.length, ProtocolLines.JOINED_END)).isEqualTo("b7");
        assertThat(ProtocolLines.noticeName(dropped, 0, dropped.length, ProtocolLines.NOT_READING_END)).isEqualTo("b7");
        assertThat(ProtocolLines.noticeName(joined, 0, joined.length, ProtocolLines.NOT_READING_END)).isNull();
        assertThat(ProtocolLines.NAME_QUESTION_END).isEqualTo("Enter your username:");
    }

}
