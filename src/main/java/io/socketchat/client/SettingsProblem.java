package io.socketchat.client;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.NestedExceptionUtils;

/** Turns a failure to read the client's settings into the one line a user needs. */
final class SettingsProblem {

    private SettingsProblem() {
    }

    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind && bind.getProperty() != null) {
                ConfigurationProperty property = bind.getProperty();
                return "Invalid setting " + property.getName() + "=" + property.getValue() + ": "
                        + NestedExceptionUtils.getMostSpecificCause(bind).getMessage();
            }
        }
        return "Cannot start the client: " + NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
    }

}
