package io.socketchat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import io.socketchat.accounts.AccountBook;
import io.socketchat.protocol.Username;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The chat page with accounts: the invite code and the passwords go into hidden inputs
 * labelled with the server's question, at the door and in {@code /password}.
 */
class BrowserAccountsTest {

    private static ChromeDriver driver;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anInvitedFriendJoinsFromThePageAndChangesThePasswordWithHiddenInputs() {
        try (RunningServer server = RunningServer.start("--chat.accounts.mode=invite", "--chat.data-dir=" + dataDir,
                "--chat.history-size=0")) {
            AccountBook accounts = server.bean(AccountBook.class);
            String code = accounts.invite(new Username("alice"), Duration.ofHours(1)).code();
            ChatPage page = ChatPage.open(driver, server.httpPort());
            page.awaitLine("Welcome to Socket Chat! Enter your username:");
            page.enter("Username", "alice").awaitLine("Invite code for alice:");
            assertThat(page.field("Invite code for alice").getAttribute("type")).isEqualTo("password");
            page.enter("Invite code for alice", code).awaitLine("Choose a password (at least 8 characters):");
            assertThat(page.field("Choose a password (at least 8 characters)").getAttribute("type"))
                .isEqualTo("password");
            page.enter("Choose a password (at least 8 characters)", "first secret").awaitLine("Repeat the password:");
            page.enter("Repeat the password", "first secret");
            page.field("Message");
            page.awaitLine("Hello alice! 1 user online: alice. Type /help for commands, exit to leave.");

            page.say("/password").awaitField("Current password");
            assertThat(page.field("Current password").getAttribute("type")).isEqualTo("password");
            page.enter("Current password", "first secret").awaitField("Choose a password (at least 8 characters)");
            page.enter("Choose a password (at least 8 characters)", "second secret").awaitField("Repeat the password");
            page.enter("Repeat the password", "second secret").awaitLine("* Password changed.");
            // the answers done, the message box is back
            page.field("Message");

            assertThat(String.join("\n", page.lines())).doesNotContain(code, "first secret", "second secret");
            LineClient check = server.connect();
            check.expectStartingWith("Welcome to ");
            check.send("alice");
            check.expect("! Username \"alice\" is taken. Enter another username:");
            driver.get("about:blank");
        }
    }

}
