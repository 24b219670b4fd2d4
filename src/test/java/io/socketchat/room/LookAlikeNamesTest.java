package io.socketchat.room;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Names that only look like the server's or another user's are refused; what cannot be
 * seen is removed.
 */
class LookAlikeNamesTest {

    @AutoClose
    private RunningServer server;

    @Test
    void lookAlikesOfReservedAndPresentNamesAndMixedScriptsAreRefused() {
        server = RunningServer.start("--chat.history-size=0");
        LineClient alice = server.join("alice");
        LineClient client = server.connect().expectStartingWith("Welcome");
        // fullwidth
        client.send("\uFF53\uFF45\uFF52\uFF56\uFF45\uFF52")
            .expect("! Username \"\uFF53\uFF45\uFF52\uFF56\uFF45\uFF52\" is reserved. Enter another username:");
        // Cyrillic dze and ie among Latin letters
        client.send("\u0455\u0435rv\u0435r")
            .expect("! Username \"\u0455\u0435rv\u0435r\" is reserved. Enter another username:");
        // Cyrillic a
        client.send("\u0430lice").expect("! Username \"\u0430lice\" is taken. Enter another username:");
        // Cyrillic o, while nobody is called bob
        client.send("b\u043Eb").expect("! Username \"b\u043Eb\" mixes scripts. Enter another username:");
        client.send("\u0905\u092E\u093F\u0924")
            .expect("Hello \u0905\u092E\u093F\u0924! 2 users online: alice, \u0905\u092E\u093F\u0924. Type /help for commands, exit to leave.");
        alice.expect("* \u0905\u092E\u093F\u0924 joined the chat");
        alice.send("/nick b\u043Eb").expect("! Username \"b\u043Eb\" mixes scripts.");
    }

    @Test
    void aDecomposedNameJoinsComposed() {
        server = RunningServer.start();
        server.connect()
            .expectStartingWith("Welcome")
            .send("Rene\u0301")
            .expectStartingWith("Hello Ren\u00E9! 1 user online: Ren\u00E9.");
    }

    @Test
    void invisibleAndDirectionChangingCharactersAreRemovedFromMessagesAndNames() {
        server = RunningServer.start("--chat.history-size=0");
        LineClient alice = server.join("alice");
        LineClient bob = server.connect()
            .expectStartingWith("Welcome")
            .send("b\u200Bob\u2066")
            .expectStartingWith("Hello bob!");
        alice.expect("* bob joined the chat");
        bob.send("see \u202Egnp.exe\u202C and \uFEFFthis\u200F");
        alice.expect("bob: see gnp.exe and this");
    }

}
