package io.socketchat.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The report for a setting with a fixed set of values (a switch, an enum) given one it
 * does not take: the values it does take, where Boot's own report only says the
 * conversion failed. Any other binding failure is left to Boot's report.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class EnumeratedSettingFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        ConfigurationProperty property = cause.getProperty();
        Class<?> type = cause.getTarget().getType().resolve();
        List<String> values = values(type);
        if (property == null || values.isEmpty()) {
            return null;
        }
        String where = where(property);
        return new FailureAnalysis(
                property.getName() + " is set to \"" + property.getValue() + "\"" + where
                        + ", which is not one of its values: " + String.join(", ", values) + ".",
                "Set " + property.getName() + " to "
                        + (values.size() == 2 ? String.join(" or ", values) : "one of " + String.join(", ", values))
                        + ", on the command line (--" + property.getName() + "=" + values.get(0)
                        + ") or in application.yml.",
                cause);
    }

    /**
     * Where the value was set, in an operator's words: the command line, a file's line.
     */
    private static String where(ConfigurationProperty property) {
        Origin origin = property.getOrigin();
        if (origin == null) {
            return "";
        }
        for (Origin inner = origin; inner != null; inner = inner instanceof PropertySourceOrigin source
                ? source.getOrigin() : inner.getParent()) {
            if (inner instanceof TextResourceOrigin text && text.getResource() != null) {
                String line = text.getLocation() == null ? "" : ", line " + (text.getLocation().getLine() + 1);
                return " in " + text.getResource().getFilename() + line;
            }
        }
        return origin.toString().contains("\"commandLineArgs\"") ? " on the command line" : " in " + origin;
    }

    /** The values of a switch or an enum as they are written in settings; else none. */
    static List<String> values(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return List.of("true", "false");
        }
        if (type != null && type.isEnum()) {
            return Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .toList();
        }
        return List.of();
    }

}
