package io.socketchat.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class IrcWireTest {

    @Test
    void aTextThatFitsIsOneLine() {
        assertThat(new String(new IrcWire().text(":a PRIVMSG #chat", "hi").bytes(), StandardCharsets.UTF_8))
            .isEqualTo(":a PRIVMSG #chat :hi\r\n");
    }

    @Test
    void aLongTextIsSplitBetweenCharactersIntoLinesOf512BytesAtMost() {
        String text = "a".repeat(400) + "é".repeat(200) + "👩‍💻".repeat(10) + "e\u0301".repeat(30);
        String head = ":writer!writer@chat/user PRIVMSG #chat";
        String out = new String(new IrcWire().text(head, text, "\u0001ACTION ", "\u0001").bytes(),
                StandardCharsets.UTF_8);
        assertThat(out).endsWith("\r\n");
        List<String> lines = List.of(out.split("\r\n"));
        assertThat(lines).hasSizeGreaterThan(1);
        StringBuilder joined = new StringBuilder();
        for (String line : lines) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length + 2).isLessThanOrEqualTo(512);
            assertThat(line).startsWith(head + " :\u0001ACTION ").endsWith("\u0001");
            String part = line.substring((head + " :\u0001ACTION ").length(), line.length() - 1);
            // no part starts with a combining mark or a joiner: characters stay whole
            assertThat(part.codePointAt(0)).isNotIn(0x301, 0x200D);
            joined.append(part);
        }
        assertThat(joined.toString()).isEqualTo(text);
    }

    @Test
    void namesAreSplitBetweenWords() {
        List<String> names = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "name_number_" + i).toList();
        String out = new String(new IrcWire().words(":s 353 me = #chat", names).bytes(), StandardCharsets.UTF_8);
        List<String> lines = List.of(out.split("\r\n"));
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines).allSatisfy(line -> assertThat(line.length() + 2).isLessThanOrEqualTo(512));
        assertThat(lines.stream().flatMap(line -> List.of(line.split(" :", 2)[1].split(" ")).stream()))
            .containsExactlyElementsOf(names);
    }

    @Test
    void aClientLineIsParsedWithTagsPrefixAndTrailing() {
        IrcMessage message = IrcMessage.parse("@time=x :me!u@h privmsg #chat  :hello :there");
        assertThat(message.command()).isEqualTo("PRIVMSG");
        assertThat(message.params()).containsExactly("#chat", "hello :there");
        assertThat(IrcMessage.parse("NICK").params()).isEmpty();
        assertThat(IrcMessage.parse("USER a 0 * :Real Name").params()).containsExactly("a", "0", "*", "Real Name");
    }

    @Test
    void formattingCodesAndControlsAreRemoved() {
        assertThat(IrcText.clean("\u0002bold\u0002 \u000304,12red\u0003 \u001Fu\u000F \u0004FF0000hex \u001B[31mx"))
            .isEqualTo("bold red u hex [31mx");
    }

}
