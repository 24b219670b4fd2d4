package io.socketchat.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Terminal detection on each JDK installed here: Java 17 (the build's) and Temurin 25,
 * where {@code System.console()} is not null even with standard input redirected.
 */
class TerminalsTest {

    /** The build's JDK and the newer one the project also runs on. */
    static List<String> jdks() {
        List<String> homes = new ArrayList<>(List.of(System.getProperty("java.home")));
        Path temurin25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        if (Files.isDirectory(temurin25)) {
            homes.add(temurin25.toString());
        }
        return homes;
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void redirectedInputIsNoTerminal(String javaHome) throws Exception {
        assertThat(probe(javaHome, false)).isEqualTo("interactive=false");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aPseudoTerminalIsOne(String javaHome) throws Exception {
        assertThat(probe(javaHome, true)).isEqualTo("interactive=true");
    }

    private static String probe(String javaHome, boolean onTerminal) throws Exception {
        String java = Path.of(javaHome, "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        List<String> command = List.of(java, "-cp", classPath, TerminalProbe.class.getName());
        if (onTerminal) {
            // script(1) gives the program a pseudo terminal for standard input and output
            command = List.of("script", "-qfec", String.join(" ", command), "/dev/null");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectInput(
                    onTerminal ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return output.lines().filter(line -> line.startsWith("interactive=")).findFirst().orElse(output);
        }
        finally {
            process.destroyForcibly();
        }
    }

}
