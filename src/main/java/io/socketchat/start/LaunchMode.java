package io.socketchat.start;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which of the jar's programs to run, from the active profile or a leading
 * {@code client}/{@code bench} word.
 */
public enum LaunchMode {

    SERVER, CLIENT, BENCH;

    private static final String PROFILES_ARG = "--spring.profiles.active=";

    public static LaunchMode of(String[] args, String profilesFromEnv) {
        if (args.length > 0) {
            LaunchMode byWord = byName(args[0]);
            if (byWord != null) {
                return byWord;
            }
        }
        String profiles = profilesFromEnv;
        for (String arg : args) {
            if (arg.startsWith(PROFILES_ARG)) {
                profiles = arg.substring(PROFILES_ARG.length());
            }
        }
        if (profiles != null) {
            for (String profile : profiles.split(",")) {
                LaunchMode mode = byName(profile.trim());
                if (mode != null) {
                    return mode;
                }
            }
        }
        return SERVER;
    }

    /**
     * Whether the command line asks the program for its usage ({@code --help} or
     * {@code -h} anywhere) instead of running it.
     */
    public static boolean asksForHelp(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.equals("--help") || arg.equals("-h"));
    }

    /** The arguments without a leading mode word, for the program that runs. */
    public static String[] withoutModeWord(String[] args) {
        return args.length > 0 && byName(args[0]) != null ? Arrays.copyOfRange(args, 1, args.length) : args;
    }

    private static LaunchMode byName(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "client" -> CLIENT;
            case "bench" -> BENCH;
            default -> null;
        };
    }

}
