package io.socketchat.server;

import java.net.BindException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The report for a chat port that cannot be opened, instead of a stack trace: what the
 * system said, in the operator's words, and the setting to change. (Boot reports the HTTP
 * port, {@code server.port}, itself.)
 */
class ChatPortFailureAnalyzer extends AbstractFailureAnalyzer<ChatPortUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ChatPortUnavailableException cause) {
        String port = (cause.tls() ? "TLS port " : "port ") + cause.port();
        String message = String.valueOf(cause.getCause().getMessage());
        String otherPort = "--" + cause.setting() + "=<port> (0 picks any free port)";
        if (cause.getCause() instanceof BindException && message.contains("already in use")) {
            return new FailureAnalysis(
                    "The chat's " + port + " on " + cause.address() + " is already in use by another program.",
                    "Stop the program that holds port " + cause.port() + ", or give the chat another port with "
                            + otherPort + ".",
                    cause);
        }
        if (message.contains("Cannot assign requested address")) {
            return new FailureAnalysis(
                    "The chat cannot listen on " + cause.address() + ": it is not an address of this machine.",
                    "Set chat.bind-address to an address of this machine: 0.0.0.0 for all of them, 127.0.0.1 for"
                            + " this machine only.",
                    cause);
        }
        if (message.contains("Permission denied")) {
            return new FailureAnalysis(
                    "The chat may not open its " + port + ": ports below 1024 need administrator rights.",
                    "Give the chat a port from 1024 up with " + otherPort
                            + ", or grant the program the right to open low ports (CAP_NET_BIND_SERVICE).",
                    cause);
        }
        return new FailureAnalysis(
                "The chat cannot listen on " + cause.address() + ":" + cause.port() + ": " + message + ".",
                "Check chat.bind-address and " + cause.setting() + " (" + otherPort + ").", cause);
    }

}
