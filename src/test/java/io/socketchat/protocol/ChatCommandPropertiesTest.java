package io.socketchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ChatCommandPropertiesTest {

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> words = Arbitraries.of("/msg", "/me", "/nick", "/who", "/help", "/quit", "exit", "/", "//",
                "bob", "hi", "x", "/foo", " ", "  ", "\t", "é");
        return words.list()
            .ofMaxSize(6)
            .map(parts -> String.join("", parts))
            .injectDuplicates(0.1)
            .edgeCases(config -> config.add(""));
    }

    @Property
    void anyLineParsesToSomething(@ForAll("lines") String line) {
        assertThat(ChatCommand.parse(line)).isNotNull();
    }

    @Property
    void noCommandCarriesEmptyOrTrailingBlankText(@ForAll("lines") String line) {
        ChatCommand command = ChatCommand.parse(line);
        String text = null;
        if (command instanceof ChatCommand.Say say) {
            text = say.text();
        }
        else if (command instanceof ChatCommand.Action action) {
            text = action.text();
        }
        else if (command instanceof ChatCommand.PrivateMessage message) {
            text = message.text();
        }
        else if (command instanceof ChatCommand.Nick nick) {
            text = nick.newName();
        }
        if (text != null) {
            assertThat(text).isNotEmpty().isEqualTo(text.stripTrailing());
        }
    }

    @Property
    void textNotStartingWithSlashIsSaidAsTyped(@ForAll String text) {
        String trimmed = text.stripTrailing();
        Assume.that(!trimmed.isEmpty() && !trimmed.startsWith("/") && !trimmed.equals("exit"));
        assertThat(ChatCommand.parse(text)).isEqualTo(new ChatCommand.Say(trimmed));
    }

    @Property
    void doubleSlashIsSaidWithOneSlash(@ForAll String text) {
        assertThat(ChatCommand.parse("//" + text)).isEqualTo(new ChatCommand.Say(("/" + text).stripTrailing()));
    }

    @Property
    void trailingWhitespaceNeverChangesTheCommand(@ForAll("lines") String line) {
        assertThat(ChatCommand.parse(line + " \t ")).isEqualTo(ChatCommand.parse(line));
    }

}
