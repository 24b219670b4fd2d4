package io.socketchat.client;

/** One thing the user did on the keyboard, already decoded from bytes and escape sequences. */
record Keystroke(Kind kind, int codePoint) {

    enum Kind {
        TYPE, ENTER, BACKSPACE, DELETE, CTRL_D,
        LEFT, RIGHT, HOME, END, WORD_LEFT, WORD_RIGHT,
        UP, DOWN,
        KILL_TO_START, KILL_TO_END, KILL_WORD,
        REDRAW,
        /** The terminal's input ended or was closed. */
        END_OF_INPUT,
        /** A key the client does not use. */
        OTHER
    }

    static Keystroke of(Kind kind) {
        return new Keystroke(kind, 0);
    }

    static Keystroke typed(int codePoint) {
        return new Keystroke(Kind.TYPE, codePoint);
    }
}
