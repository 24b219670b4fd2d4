package io.socketchat.server;

import org.springframework.core.NestedExceptionUtils;

/**
 * The TLS port's certificate or key cannot be used: a file that is missing, unreadable or
 * not a PEM certificate or key.
 */
class UnreadableTlsCertificateException extends IllegalStateException {

    private final String bundle;

    UnreadableTlsCertificateException(String bundle, Throwable cause) {
        super("The certificate of SSL bundle '" + bundle + "' cannot be used: " + reason(cause), cause);
        this.bundle = bundle;
    }

    String bundle() {
        return bundle;
    }

    /** What went wrong at the bottom: the file and what the system said about it. */
    String reason() {
        return reason(getCause());
    }

    private static String reason(Throwable cause) {
        return NestedExceptionUtils.getMostSpecificCause(cause).getMessage();
    }

}
