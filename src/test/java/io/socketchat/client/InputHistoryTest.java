package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputHistoryTest {

    private final InputHistory history = new InputHistory();

    @Test
    void walksBackAndForthAndGivesTheDraftBack() {
        history.add("first");
        history.add("second");

        assertThat(history.previous("half-typed")).isEqualTo("second");
        assertThat(history.previous("second")).isEqualTo("first");
        assertThat(history.previous("first")).isNull();
        assertThat(history.next()).isEqualTo("second");
        assertThat(history.next()).isEqualTo("half-typed");
        assertThat(history.next()).isNull();
    }

    @Test
    void keepsNeitherBlankLinesNorARepeatOfTheLastOne() {
        history.add("hi");
        history.add("hi");
        history.add("   ");

        assertThat(history.previous("")).isEqualTo("hi");
        assertThat(history.previous("hi")).isNull();
    }

    @Test
    void aNewLineStartsFromTheNewestEntry() {
        history.add("one");
        history.add("two");
        history.previous("");
        history.previous("two");

        history.restart();

        assertThat(history.previous("")).isEqualTo("two");
    }
}
