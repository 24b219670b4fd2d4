package io.socketchat.accounts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts outlive the server: a restart with the same data directory keeps them. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartWithTheSameDataDirKeepsPasswordsAndInvites() {
        String pendingCode;
        try (RunningServer first = RunningServer.start("--chat.accounts.mode=invite", "--chat.data-dir=" + dataDir)) {
            Admin.firstJoin(first.connect(), "alice", Admin.invite(first, "alice"), "correct horse");
            pendingCode = Admin.invite(first, "bob");
        }
        try (RunningServer again = RunningServer.start("--chat.accounts.mode=invite", "--chat.data-dir=" + dataDir)) {
            LineClient alice = Admin.logIn(again.connect(), "alice", "correct horse");
            Admin.firstJoin(again.connect(), "bob", pendingCode, "battery staple");
            alice.expect("* bob joined the chat");
        }
    }

    @Test
    void aDamagedAccountsFileStopsTheStart() throws IOException {
        Files.writeString(dataDir.resolve("accounts.json"), "{\"version\":1,\"accounts\":[");
        assertThatThrownBy(
                () -> RunningServer.start("--chat.accounts.mode=invite", "--chat.data-dir=" + dataDir).close())
            .hasStackTraceContaining(DamagedAccountsException.class.getName())
            .hasStackTraceContaining("accounts.json is damaged");
    }

}
