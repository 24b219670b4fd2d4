package io.socketchat.start;

/** Prints what {@link Terminals#interactive()} says in the JVM it runs in. */
public final class TerminalProbe {

    private TerminalProbe() {
    }

    public static void main(String[] args) {
        System.out.println("interactive=" + Terminals.interactive());
    }

}
