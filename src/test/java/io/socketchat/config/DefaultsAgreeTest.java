package io.socketchat.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Each default is written three times: {@code @DefaultValue} in {@link ChatProperties}
 * (what the server uses), the commented {@code application.yml} an operator edits, and
 * the configuration table in {@code docs/operating.md}. This reads all three, for every
 * key (nested ones too), and fails on any key missing from one of them or any value that
 * differs once converted as Boot converts it ({@code 60s} and {@code 1m} agree; "none" in
 * the table and an empty value mean no default).
 */
class DefaultsAgreeTest {

    private static final Path YAML = Path.of("application.yml");

    private static final Path TABLE = Path.of("docs", "operating.md");

    private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*`([a-z0-9.-]+)`\\s*\\|\\s*([^|]*?)\\s*\\|.*$");

    private static final ConversionService CONVERSION = ApplicationConversionService.getSharedInstance();

    /**
     * A default as declared, with the type it binds to (null: not a {@code chat.*}
     * component).
     */
    private record Declared(String text, TypeDescriptor type) {
    }

    @Test
    void chatPropertiesTheYamlFileAndTheConfigurationTableGiveTheSameDefaults() throws IOException {
        Map<String, Declared> code = new TreeMap<>();
        declaredDefaults(ChatProperties.class, "chat", code);
        Map<String, String> yaml = yamlDefaults();
        Map<String, String> table = tableDefaults();

        List<String> problems = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>();
        keys.addAll(code.keySet());
        keys.addAll(yaml.keySet());
        keys.addAll(table.keySet());
        for (String key : keys) {
            boolean chatKey = key.startsWith("chat.");
            if (chatKey && !code.containsKey(key)) {
                problems.add(key + ": not a component of ChatProperties");
            }
            // a chat.* key must be in all three; another one (server.port, spring.*) has
            // no
            // ChatProperties component and may be left out of one place, but not differ
            if (chatKey && !yaml.containsKey(key)) {
                problems.add(key + ": missing from application.yml");
            }
            if (chatKey && !table.containsKey(key)) {
                problems.add(key + ": missing from the configuration table in " + TABLE);
            }
            TypeDescriptor type = code.containsKey(key) ? code.get(key).type() : TypeDescriptor.valueOf(String.class);
            Object fromCode = code.containsKey(key) ? value(code.get(key).text(), type) : null;
            Object fromYaml = value(yaml.get(key), type);
            Object fromTable = value(table.get(key), type);
            if (code.containsKey(key) && yaml.containsKey(key) && !Objects.equals(fromCode, fromYaml)) {
                problems.add(key + ": ChatProperties says " + fromCode + ", application.yml says " + fromYaml);
            }
            if (code.containsKey(key) && table.containsKey(key) && !Objects.equals(fromCode, fromTable)) {
                problems.add(key + ": ChatProperties says " + fromCode + ", " + TABLE + " says " + fromTable);
            }
            if (yaml.containsKey(key) && table.containsKey(key) && !Objects.equals(fromYaml, fromTable)) {
                problems.add(key + ": application.yml says " + fromYaml + ", " + TABLE + " says " + fromTable);
            }
        }

        assertThat(code).as("defaults found in ChatProperties").containsKeys("chat.port", "chat.console.enabled");
        assertThat(yaml).as("defaults found in application.yml").containsKeys("chat.port", "server.port");
        assertThat(table).as("defaults found in " + TABLE).containsKeys("chat.port", "server.port");
        assertThat(problems).as("defaults that disagree").isEmpty();
    }

    @Test
    void aDisagreementIsNoticedAfterConversion() {
        TypeDescriptor duration = TypeDescriptor.valueOf(java.time.Duration.class);
        assertThat(value("60s", duration)).isEqualTo(value("1m", duration)).isNotEqualTo(value("61s", duration));
        assertThat(value("none", TypeDescriptor.valueOf(String.class))).isNull();
        assertThat(value("\"\"", TypeDescriptor.valueOf(String.class))).isNull();
    }

    /**
     * The canonical constructor's parameters (where {@code @DefaultValue} sits) with
     * their {@code @DefaultValue}; nested records are walked with their prefix.
     */
    private static void declaredDefaults(Class<?> record, String prefix, Map<String, Declared> into) {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> canonical;
        try {
            canonical = record.getDeclaredConstructor(types);
        }
        catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < components.length; i++) {
            String key = prefix + "." + kebab(components[i].getName());
            if (types[i].isRecord()) {
                declaredDefaults(types[i], key, into);
                continue;
            }
            MethodParameter parameter = MethodParameter.forExecutable(canonical, i);
            DefaultValue annotation = parameter.getParameterAnnotation(DefaultValue.class);
            String text = annotation == null || annotation.value().length == 0 ? null
                    : String.join(",", annotation.value());
            into.put(key, new Declared(text, new TypeDescriptor(parameter)));
        }
    }

    private static Map<String, String> yamlDefaults() throws IOException {
        Map<String, String> values = new TreeMap<>();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
                new FileSystemResource(YAML))) {
            EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
            for (String name : enumerable.getPropertyNames()) {
                Object value = enumerable.getProperty(name);
                // a list is flattened to key[0], key[1]: compare it as Boot's comma form
                String key = name.replaceAll("\\[\\d+]$", "");
                String text = value == null ? "" : value.toString();
                values.merge(key, text, (a, b) -> a + "," + b);
            }
        }
        return values;
    }

    /**
     * The rows of the table under "## Configuration": key in backquotes, then its
     * default.
     */
    private static Map<String, String> tableDefaults() throws IOException {
        Map<String, String> values = new TreeMap<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(TABLE)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Configuration");
                continue;
            }
            Matcher row = TABLE_ROW.matcher(line);
            if (inSection && row.matches()) {
                values.put(row.group(1), row.group(2).replace("`", "").trim());
            }
        }
        return values;
    }

    /** The value Boot would bind, or null for no default ("none", empty, absent). */
    private static Object value(String text, TypeDescriptor type) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.equals("none") || trimmed.isEmpty() || trimmed.equals("\"\"")) {
            return null;
        }
        Object converted = CONVERSION.convert(trimmed, TypeDescriptor.valueOf(String.class), type);
        return converted instanceof String s && s.isEmpty() ? null : converted;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

}
