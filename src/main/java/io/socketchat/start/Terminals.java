package io.socketchat.start;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether the program talks to a person at a terminal. Up to Java 21,
 * {@code System.console()} is null unless standard input and output are a terminal; from
 * Java 22 on it is there even when they are redirected, and {@code Console.isTerminal()}
 * (new in 22) tells. Called by reflection so the jar still runs on Java 17.
 */
public final class Terminals {

    private static final Method IS_TERMINAL = isTerminalMethod();

    private Terminals() {
    }

    public static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        if (IS_TERMINAL == null) {
            return true;
        }
        try {
            return (Boolean) IS_TERMINAL.invoke(console);
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            return false;
        }
    }

    private static Method isTerminalMethod() {
        try {
            return Console.class.getMethod("isTerminal");
        }
        catch (NoSuchMethodException ex) {
            return null;
        }
    }

}
