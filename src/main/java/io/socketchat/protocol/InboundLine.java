package io.socketchat.protocol;

/** One line read from a client, after framing and decoding. */
public sealed interface InboundLine {

    /** A line within the byte limit: decoded, CR dropped, control characters removed. */
    record Text(String text) implements InboundLine {
    }

    /** A line over {@code chat.max-line-bytes}; its bytes were discarded up to its LF. */
    record TooLong() implements InboundLine {
    }

    InboundLine TOO_LONG = new TooLong();

}
