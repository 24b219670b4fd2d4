package io.socketchat.client;

/** Entry point of the {@code client} profile (being built: see issue 4). */
public final class ChatClientApplication {
    private ChatClientApplication() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("client profile not built yet");
    }
}
