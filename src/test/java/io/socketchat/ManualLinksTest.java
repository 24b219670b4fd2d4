package io.socketchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The front page and the manual link to each other: every relative link in README.md and
 * docs/*.md (Markdown links, images and {@code <img src>}) names a file of the project,
 * and a {@code #section} names a heading of that file, as GitHub makes its anchors.
 */
class ManualLinksTest {

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    private static final Pattern IMG_SRC = Pattern.compile("<img[^>]*\\ssrc=\"([^\"]+)\"");

    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

    @Test
    void everyRelativeLinkOfTheReadmeAndTheManualResolves() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            for (String target : links(Files.readString(page))) {
                checked++;
                String problem = problem(page, target);
                if (problem != null) {
                    broken.add(page + ": " + target + " (" + problem + ")");
                }
            }
        }
        assertThat(pages).as("pages").contains(Path.of("docs", "operating.md"), Path.of("docs", "design.md"));
        assertThat(checked).as("links checked").isGreaterThan(20);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void aMissingFileOrSectionIsNoticed() throws IOException {
        Path readme = Path.of("README.md");
        assertThat(problem(readme, "docs/operating.md#configuration")).isNull();
        assertThat(problem(readme, "docs/no-such-page.md")).isNotNull();
        assertThat(problem(readme, "docs/operating.md#no-such-section")).isNotNull();
        assertThat(anchors("## Limits per address, bans, and what each refusal means\n## Benchmark: `bench`\n"))
            .contains("limits-per-address-bans-and-what-each-refusal-means", "benchmark-bench");
    }

    /** The relative targets linked from a page, outside code blocks and code spans. */
    private static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        for (String line : prose(markdown)) {
            String text = CODE_SPAN.matcher(line).replaceAll("");
            for (Pattern pattern : List.of(MARKDOWN_LINK, IMG_SRC)) {
                Matcher matcher = pattern.matcher(text);
                while (matcher.find()) {
                    String target = matcher.group(1);
                    if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                        targets.add(target);
                    }
                }
            }
        }
        return targets;
    }

    /** The page's lines outside fenced code blocks. */
    private static List<String> prose(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean inCode = false;
        for (String line : markdown.split("\n")) {
            if (line.stripLeading().startsWith("```")) {
                inCode = !inCode;
            }
            else if (!inCode) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Why a link from the page does not resolve, or null when it does. */
    private static String problem(Path page, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
        if (!resolved.startsWith(Path.of("").toAbsolutePath()) && !file.isEmpty()) {
            return "outside the project";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (hash >= 0 && (!resolved.toString().endsWith(".md")
                || !anchors(Files.readString(resolved)).contains(target.substring(hash + 1)))) {
            return "no such section";
        }
        return null;
    }

    /**
     * The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces
     * to hyphens, repeated headings numbered.
     */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        for (String line : prose(markdown)) {
            if (!line.matches("^#{1,6} .*")) {
                continue;
            }
            String slug = line.replaceFirst("^#+ ", "")
                .strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
            String unique = slug;
            for (int n = 1; !anchors.add(unique); n++) {
                unique = slug + "-" + n;
            }
        }
        return anchors;
    }

}
