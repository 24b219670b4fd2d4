package io.socketchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketchat.protocol.ChatCommand.Action;
import io.socketchat.protocol.ChatCommand.Help;
import io.socketchat.protocol.ChatCommand.Ignored;
import io.socketchat.protocol.ChatCommand.Leave;
import io.socketchat.protocol.ChatCommand.Misused;
import io.socketchat.protocol.ChatCommand.Nick;
import io.socketchat.protocol.ChatCommand.PrivateMessage;
import io.socketchat.protocol.ChatCommand.Say;
import io.socketchat.protocol.ChatCommand.Unknown;
import io.socketchat.protocol.ChatCommand.Who;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatCommandTest {

    private static ChatCommand parse(String line) {
        return ChatCommand.parse(line);
    }

    @Test
    void plainTextIsSaid() {
        assertThat(parse("hello")).isEqualTo(new Say("hello"));
        assertThat(parse("hello there, bob")).isEqualTo(new Say("hello there, bob"));
    }

    @Test
    void leadingWhitespaceOfAMessageIsKept() {
        assertThat(parse("  indented")).isEqualTo(new Say("  indented"));
    }

    @Test
    void trailingWhitespaceIsTrimmed() {
        assertThat(parse("hello \t ")).isEqualTo(new Say("hello"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "\t", "   \t  " })
    void emptyOrWhitespaceOnlyLineIsIgnored(String line) {
        assertThat(parse(line)).isEqualTo(new Ignored());
    }

    @ParameterizedTest
    @ValueSource(strings = { "exit", "exit ", "/quit", "/quit ", "/QUIT" })
    void exitAndQuitLeave(String line) {
        assertThat(parse(line)).isEqualTo(new Leave());
    }

    @Test
    void exitInsideAMessageIsJustAMessage() {
        assertThat(parse("exit now")).isEqualTo(new Say("exit now"));
        assertThat(parse("exits")).isEqualTo(new Say("exits"));
    }

    @Test
    void whoListsUsers() {
        assertThat(parse("/who")).isEqualTo(new Who());
        assertThat(parse("/who ")).isEqualTo(new Who());
    }

    @Test
    void helpShowsCommands() {
        assertThat(parse("/help")).isEqualTo(new Help());
    }

    @Test
    void commandNamesAreCaseInsensitive() {
        assertThat(parse("/WHO")).isEqualTo(new Who());
        assertThat(parse("/Help")).isEqualTo(new Help());
    }

    @Test
    void msgSendsTheRestOfTheLineToTheRecipient() {
        assertThat(parse("/msg bob hi there")).isEqualTo(new PrivateMessage("bob", "hi there"));
    }

    @Test
    void msgToleratesExtraBlanksAroundRecipientAndText() {
        assertThat(parse("/msg   bob   hi  there  ")).isEqualTo(new PrivateMessage("bob", "hi  there"));
        assertThat(parse("/msg\tbob\thi")).isEqualTo(new PrivateMessage("bob", "hi"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/msg", "/msg ", "/msg bob", "/msg bob   " })
    void msgWithoutRecipientOrTextIsMisused(String line) {
        assertThat(parse(line)).isEqualTo(new Misused("/msg <user> <text>"));
    }

    @Test
    void meIsAnAction() {
        assertThat(parse("/me waves")).isEqualTo(new Action("waves"));
        assertThat(parse("/me waves at bob ")).isEqualTo(new Action("waves at bob"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/me", "/me ", "/me \t " })
    void meWithoutActionIsMisused(String line) {
        assertThat(parse(line)).isEqualTo(new Misused("/me <action>"));
    }

    @Test
    void nickChangesTheName() {
        assertThat(parse("/nick x")).isEqualTo(new Nick("x"));
        assertThat(parse("/nick alice2 ")).isEqualTo(new Nick("alice2"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/nick", "/nick ", "/nick two words" })
    void nickWithoutExactlyOneNameIsMisused(String line) {
        assertThat(parse(line)).isEqualTo(new Misused("/nick <new name>"));
    }

    @Test
    void unknownCommandIsNamedWithoutItsArguments() {
        assertThat(parse("/foo bar")).isEqualTo(new Unknown("/foo"));
        assertThat(parse("/foo")).isEqualTo(new Unknown("/foo"));
    }

    @Test
    void commandNameMustBeExact() {
        assertThat(parse("/whoami")).isEqualTo(new Unknown("/whoami"));
        assertThat(parse("/msgbob hi")).isEqualTo(new Unknown("/msgbob"));
    }

    @Test
    void registerAndPasswordAreTheAccountCommands() {
        assertThat(parse("/register")).isEqualTo(new ChatCommand.Register());
        assertThat(parse("/PASSWORD ")).isEqualTo(new ChatCommand.ChangePassword());
        assertThat(parse("/passwords")).isEqualTo(new Unknown("/passwords"));
    }

    @Test
    void loneSlashIsAnUnknownCommand() {
        assertThat(parse("/")).isEqualTo(new Unknown("/"));
    }

    @Test
    void doubleSlashSendsTheTextWithOneSlash() {
        assertThat(parse("//text")).isEqualTo(new Say("/text"));
        assertThat(parse("//who")).isEqualTo(new Say("/who"));
        assertThat(parse("//")).isEqualTo(new Say("/"));
    }

    @Test
    void slashNotAtTheStartIsAMessage() {
        assertThat(parse("and/or /who")).isEqualTo(new Say("and/or /who"));
    }

}
