package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class SpeakerColoursTest {

    private final SpeakerColours colours = new SpeakerColours();

    @Test
    void aUserKeepsOneColourWhateverTheCase() {
        assertThat(colours.styleOf("Bob")).isEqualTo(colours.styleOf("bob"));
        assertThat(new SpeakerColours().styleOf("bob")).isEqualTo(colours.styleOf("bob"));
    }

    @Test
    void onlyTheSpeakersNameIsColoured() {
        String line = colours.style("bob: hi: there").toAnsi();

        assertThat(line).isEqualTo(colours.name("bob").toAnsi() + ": hi: there");
    }

    @Test
    void privateLinesColourTheOtherUser() {
        assertThat(colours.style("[private] bob: psst").toAnsi())
            .isEqualTo("[private] " + colours.name("bob").toAnsi() + ": psst");
        assertThat(colours.style("[private to carol] psst").toAnsi())
            .isEqualTo("[private to " + colours.name("carol").toAnsi() + "] psst");
    }

    @Test
    void theServerSpeaksInBoldAndItsRefusalsInRed() {
        assertThat(colours.styleOf("Server")).isEqualTo(AttributedStyle.BOLD);
        assertThat(colours.style("! Unknown command /x. Type /help.").styleAt(0))
            .isEqualTo(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED));
    }

    @Test
    void noticesAndTheWelcomeAreLeftPlain() {
        assertThat(colours.style("* alice joined the chat").toAnsi()).isEqualTo("* alice joined the chat");
        assertThat(colours.style("Hello alice! 1 user online: alice. Type /help for commands, exit to leave.").toAnsi())
            .doesNotContain("\u001B");
    }

}
