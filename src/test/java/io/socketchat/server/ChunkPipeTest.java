package io.socketchat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ChunkPipeTest {

    private final TestPipe tokens = new TestPipe();

    private final ChunkPipe pipe = new ChunkPipe(tokens);

    private void arrive(String chunk) {
        pipe.arrived(chunk.getBytes(StandardCharsets.UTF_8));
        tokens.arrive("x");
    }

    private String read(int length) throws IOException {
        byte[] bytes = new byte[length];
        int count = pipe.read(bytes, 0, length);
        return new String(bytes, 0, count, StandardCharsets.UTF_8);
    }

    @Test
    void handsOverWholeChunksInOrderAndTakesOneTokenEach() throws IOException {
        arrive("hello\nwor");
        arrive("ld\n");
        assertThat(pipe.available()).isEqualTo(12);
        assertThat(tokens.available()).isEqualTo(2);

        assertThat(read(pipe.available())).isEqualTo("hello\nworld\n");
        assertThat(pipe.available()).isZero();
        assertThat(tokens.available()).as("no token left: nothing more to assemble").isZero();
    }

    @Test
    void aShortReadLeavesTheRestOfTheChunk() throws IOException {
        arrive("abcdef");
        assertThat(read(4)).isEqualTo("abcd");
        assertThat(pipe.available()).isEqualTo(2);
        arrive("gh");
        assertThat(read(10)).isEqualTo("efgh");
        assertThat(tokens.available()).isZero();
    }

    @Test
    void nothingToReadIsTheEnd() throws IOException {
        assertThat(pipe.read(new byte[4], 0, 4)).isEqualTo(-1);
        assertThat(pipe.read()).isEqualTo(-1);
    }

}
