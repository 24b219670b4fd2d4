package io.socketchat.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import io.socketchat.protocol.InboundLine;
import io.socketchat.protocol.LineDecoder;
import io.socketchat.server.InboundOrder.Frame;

import org.springframework.core.serializer.Deserializer;
import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

/**
 * Frames LF-terminated lines of at most {@code maxLineBytes} bytes (CR before LF not counted).
 * Unlike the stock LF deserializer it never closes the connection for a long line: it keeps
 * nothing past the limit, skips to the line's LF and answers {@link InboundLine#TOO_LONG}.
 */
class ChatLineDeserializer implements Deserializer<Frame> {

    private static final int INITIAL_CAPACITY = 128;

    private final int maxLineBytes;
    private final InboundOrders orders;

    ChatLineDeserializer(int maxLineBytes, InboundOrders orders) {
        this.maxLineBytes = maxLineBytes;
        this.orders = orders;
    }

    @Override
    public Frame deserialize(InputStream in) throws IOException {
        InboundOrder order = orders.of(in);
        if (order == null) {
            throw new IOException("No chat session for this connection");
        }
        order.reading();
        InboundLine line;
        try {
            line = readLine(in);
        }
        catch (IOException | RuntimeException ex) {
            order.readEnded();
            throw ex;
        }
        if (line == null) {
            order.readEnded();
            throw new SoftEndOfStreamException("Connection closed");
        }
        return order.framed(line);
    }

    /** @return the next line, or null at the end of the stream (a last line without LF is dropped) */
    InboundLine readLine(InputStream in) throws IOException {
        // one byte more than the limit, for the CR of a CRLF
        int keep = maxLineBytes + 1;
        byte[] buffer = new byte[Math.min(INITIAL_CAPACITY, keep)];
        int length = 0;
        boolean tooLong = false;
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                return null;
            }
            if (length < keep) {
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, keep));
                }
                buffer[length++] = (byte) b;
            }
            else {
                tooLong = true;
            }
        }
        if (tooLong || LineDecoder.contentLength(buffer, length) > maxLineBytes) {
            return InboundLine.TOO_LONG;
        }
        return new InboundLine.Text(LineDecoder.decode(buffer, length));
    }
}
