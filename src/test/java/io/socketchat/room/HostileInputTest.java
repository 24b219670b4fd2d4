package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.socketchat.support.LineClient;
import io.socketchat.support.AliceAndBobTest;

import org.junit.jupiter.api.Test;

/** Careless or hostile bytes get a clear answer and break nothing. */
class HostileInputTest extends AliceAndBobTest {

    @Override
    protected String[] serverArgs() {
        return new String[] { "--chat.history-size=0", "--chat.rate-limit=0" };
    }

    @Test
    void aLineOverTheLimitIsRefusedAndTheConnectionGoesOn() {
        String exactly = "é".repeat(512);
        alice.send(exactly);
        bob.expect("alice: " + exactly);
        alice.sendRaw((exactly + "\r\n").getBytes(StandardCharsets.UTF_8));
        bob.expect("alice: " + exactly);

        alice.send(exactly + "x").expect("! Line too long (max 1024 bytes); not sent.");
        alice.send("still here");
        bob.expect("alice: still here");
    }

    @Test
    void aMebibyteWithoutLineFeedNeitherClosesNorBreaksTheConnection() {
        byte[] flood = new byte[1024 * 1024];
        Arrays.fill(flood, (byte) 'A');
        alice.sendRaw(flood).sendRaw(flood);
        alice.send(" end of the long line").expect("! Line too long (max 1024 bytes); not sent.");
        alice.send("short again");
        bob.expect("alice: short again");
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        alice.sendRaw(new byte[] { 'o', 'k', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, '\n' });
        bob.expect("alice: ok \uFFFD( \uFFFD");
    }

    @Test
    void aCharacterSplitAcrossPacketsArrivesWhole() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        alice.sendRaw(new byte[] { 'p', 'r', 'i', 'c', 'e', ' ', euro[0] });
        alice.sendRaw(new byte[] { euro[1] });
        alice.sendRaw(new byte[] { euro[2], '5', '\n' });
        bob.expect("alice: price €5");
    }

    @Test
    void controlCharactersAndEscapeSequencesNeverReachAnotherTerminal() {
        alice.send("\u001b[2J\u001b[31mred\u001b[0m \u0007bell\u007f \u009b31m tab\there");
        String line = bob.nextLine();
        assertThat(line).isEqualTo("alice: [2J[31mred[0m bell 31m tab\there");
        assertThat(line.chars()).noneMatch(c -> (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f));
    }

    @Test
    void controlCharactersAreRemovedFromNames() {
        server.connect()
            .expectStartingWith("Welcome")
            .send("\u001b[31mcarol\u0007")
            .expectStartingWith("! Username \"[31mcarol\" has characters that are not allowed");
        LineClient dave = server.connect().expectStartingWith("Welcome").send("da\u0007ve");
        dave.expectStartingWith("Hello dave!");
        alice.expect("* dave joined the chat");
    }

}
