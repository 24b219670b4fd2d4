package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import io.socketchat.client.Keystroke.Kind;
import org.jline.utils.NonBlocking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KeyReaderTest {

    private static List<Keystroke> keys(String typed) throws IOException {
        KeyReader reader = new KeyReader(NonBlocking.nonBlocking("test", new StringReader(typed)));
        List<Keystroke> keys = new ArrayList<>();
        for (Keystroke key = reader.next(); key.kind() != Kind.END_OF_INPUT; key = reader.next()) {
            keys.add(key);
        }
        return keys;
    }

    @Test
    void textIsTypedCodePointByCodePoint() throws IOException {
        assertThat(keys("hé😀")).containsExactly(
                Keystroke.typed('h'), Keystroke.typed('é'), Keystroke.typed("😀".codePointAt(0)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "up (normal mode),         '\u001B[A',    UP",
            "up (application mode),    '\u001BOA',    UP",
            "down,                     '\u001B[B',    DOWN",
            "right,                    '\u001B[C',    RIGHT",
            "left,                     '\u001B[D',    LEFT",
            "ctrl-left,                '\u001B[1;5D', WORD_LEFT",
            "alt-right,                '\u001B[1;3C', WORD_RIGHT",
            "alt-b,                    '\u001Bb',     WORD_LEFT",
            "home,                     '\u001B[H',    HOME",
            "home (vt),                '\u001B[1~',   HOME",
            "end (application mode),   '\u001BOF',    END",
            "end (vt),                 '\u001B[4~',   END",
            "delete,                   '\u001B[3~',   DELETE",
            "page up (unused),         '\u001B[5~',   OTHER",
            "ctrl-a,                   '\u0001',      HOME",
            "ctrl-e,                   '\u0005',      END",
            "ctrl-u,                   '\u0015',      KILL_TO_START",
            "ctrl-k,                   '\u000B',      KILL_TO_END",
            "ctrl-w,                   '\u0017',      KILL_WORD",
            "ctrl-d,                   '\u0004',      CTRL_D",
            "backspace,                '\u007F',      BACKSPACE",
            "enter,                    '\r',          ENTER",
            "tab (unused),             '\t',          OTHER"})
    void keysAndSequences(String name, String sent, Kind expected) throws IOException {
        assertThat(keys(sent)).containsExactly(Keystroke.of(expected));
    }

    @Test
    void aLoneEscapeDoesNotSwallowWhatFollowsASequence() throws IOException {
        assertThat(keys("\u001B[Ax")).containsExactly(Keystroke.of(Kind.UP), Keystroke.typed('x'));
    }
}
