package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypedLineTest {

    private final TypedLine line = new TypedLine();

    private void type(String text) {
        text.codePoints().forEach(line::insert);
    }

    @Test
    void insertsWhereTheCursorIs() {
        type("hello bob");
        line.wordLeft();
        type("there ");

        assertThat(line.text()).isEqualTo("hello there bob");
        assertThat(line.beforeCursor()).isEqualTo("hello there ");
    }

    @Test
    void anEmojiIsOneStepAndOneDeletion() {
        type("ok 😀");
        line.left();
        assertThat(line.beforeCursor()).isEqualTo("ok ");
        line.end();
        line.deleteBefore();

        assertThat(line.text()).isEqualTo("ok ");
    }

    @Test
    void deletesAtAndBeforeTheCursor() {
        type("abcd");
        line.home();
        line.deleteAt();
        line.deleteBefore();
        line.end();
        line.deleteBefore();

        assertThat(line.text()).isEqualTo("bc");
    }

    @Test
    void killsToTheStartToTheEndAndTheWordBefore() {
        type("one two three");
        line.killWordBefore();
        assertThat(line.text()).isEqualTo("one two ");

        line.wordLeft();
        line.killToEnd();
        assertThat(line.text()).isEqualTo("one ");

        line.killToStart();
        assertThat(line.text()).isEmpty();
    }

    @Test
    void movesByWords() {
        type("don't stop");
        line.home();
        line.wordRight();
        assertThat(line.beforeCursor()).isEqualTo("don");
        line.wordRight();
        assertThat(line.beforeCursor()).isEqualTo("don't");
        line.wordRight();
        assertThat(line.beforeCursor()).isEqualTo("don't stop");
    }

    @Test
    void replacingPutsTheCursorAtTheEnd() {
        type("draft");
        line.home();
        line.replaceWith("from history");

        assertThat(line.beforeCursor()).isEqualTo("from history");
    }
}
