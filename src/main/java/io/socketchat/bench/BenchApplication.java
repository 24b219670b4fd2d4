package io.socketchat.bench;

/** Entry point of the {@code bench} profile (being built: see issue 5). */
public final class BenchApplication {
    private BenchApplication() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("bench profile not built yet");
    }
}
