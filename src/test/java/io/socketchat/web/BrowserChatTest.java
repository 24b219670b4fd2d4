package io.socketchat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.socketchat.room.ChatRoom;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** The chat page in a real (headless) Chromium, in the same room as a raw-socket user. */
class BrowserChatTest {

    private static ChromeDriver driver;

    private RunningServer server;

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

    @AfterEach
    void stopServer() {
        // leave the page before the server goes, so the next test starts on a quiet
        // browser
        driver.get("about:blank");
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBrowserUserJoinsAndTalksWithATerminalUser() {
        server = RunningServer.start("--chat.history-size=0");
        LineClient alice = server.join("alice");
        ChatPage page = ChatPage.open(driver, server.httpPort());

        page.awaitLine("Welcome to Socket Chat! Enter your username:");
        assertThat(page.focused()).isEqualTo(page.field("Username"));
        page.joinAs("bob").awaitLine("Hello bob! 2 users online: alice, bob. Type /help for commands, exit to leave.");
        alice.expect("* bob joined the chat");

        page.say("hello from the browser");
        alice.expect("bob: hello from the browser");
        page.awaitLine("bob: hello from the browser");

        // a half-typed line stays in the box while lines arrive
        page.field("Message").sendKeys("half a thou");
        alice.send("hi bob");
        page.awaitLine("alice: hi bob");
        assertThat(page.field("Message").getDomProperty("value")).isEqualTo("half a thou");
        assertThat(page.nameColourOf("alice: hi bob")).startsWith("name c");
        page.field("Message").clear();

        page.say("/who").awaitLine("* 2 users online: alice, bob");
        page.say("/me waves");
        alice.expect("* bob waves");
        page.say("/msg alice psst").awaitLine("[private to alice] psst");
        alice.expect("[private] bob: psst");
        alice.send("/msg bob back at you");
        alice.expect("[private to bob] back at you");
        page.awaitLine("[private] alice: back at you");

        page.say("exit");
        alice.expect("* bob left the chat");
        assertThat(page.endedNotice()).isEqualTo("You left the chat.");
    }

    @Test
    void theConversationFollowsTheNewestLineUnlessTheReaderScrolledUp() {
        server = RunningServer.start("--chat.history-size=0", "--chat.rate-limit=0");
        LineClient alice = server.join("alice");
        ChatPage page = ChatPage.open(driver, server.httpPort()).joinAs("bob");
        alice.expect("* bob joined the chat");

        for (int i = 1; i <= 80; i++) {
            alice.send("line " + i);
        }
        page.awaitLine("alice: line 80");
        page.waitUntil(page::atNewestLine, "the conversation to follow the newest line");
        assertThat(page.newerLinesButton().isDisplayed()).isFalse();

        page.scrollToTop();
        alice.send("while you read back");
        page.awaitLine("alice: while you read back");
        assertThat(page.scrollTop()).isZero();
        page.waitUntil(page.newerLinesButton()::isDisplayed, "the button that says newer lines came");

        page.newerLinesButton().click();
        page.waitUntil(page::atNewestLine, "the conversation to show the newest line again");
        assertThat(page.focused()).isEqualTo(page.field("Message"));
    }

    @Test
    void thePageAsksForThePasswordThenANameAgainWhenTakenThenShowsHistory() {
        server = RunningServer.start("--chat.password=letmein");
        LineClient alice = server.connect();
        alice.expect("Password:").send("letmein").expectStartingWith("Welcome to ");
        alice.send("alice").expectStartingWith("Hello alice! ");
        alice.send("said before you came");
        ChatPage page = ChatPage.open(driver, server.httpPort());

        page.awaitLine("Password:");
        assertThat(page.isShown("Username")).isFalse();
        page.enter("Password", "letmein").awaitLine("Welcome to Socket Chat! Enter your username:");
        page.enter("Username", "ALICE").awaitLine("! Username \"ALICE\" is taken. Enter another username:");
        page.field("Username").clear();
        page.joinAs("carol")
            .awaitLine("-- last 1 message --")
            .awaitLine("alice: said before you came")
            .awaitLine("-- end of history --");
        alice.expect("* carol joined the chat");
    }

    @Test
    void linesAreShownAsTextNeverAsHtml() {
        server = RunningServer.start("--chat.history-size=0");
        LineClient alice = server.join("alice");
        ChatPage page = ChatPage.open(driver, server.httpPort()).joinAs("bob");
        alice.expect("* bob joined the chat");

        alice.send("<img src=x onerror=alert(1)>");
        page.awaitLine("alice: <img src=x onerror=alert(1)>");
        page.say("<b>not bold</b>");
        alice.expect("bob: <b>not bold</b>");
        page.awaitLine("bob: <b>not bold</b>");

        assertThat(page.conversation().findElements(By.tagName("img"))).isEmpty();
        assertThat(page.conversation().findElements(By.tagName("b"))).isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void aKickedUserIsToldAndOfferedToReconnect() {
        server = RunningServer.start("--chat.history-size=0");
        LineClient alice = server.join("alice");
        ChatPage page = ChatPage.open(driver, server.httpPort()).joinAs("bob");
        alice.expect("* bob joined the chat");

        assertThat(server.bean(ChatRoom.class).kick("bob", "too loud")).isTrue();
        alice.expect("* bob was kicked (too loud)");
        page.awaitLine("! You were kicked: too loud");
        assertThat(page.endedNotice()).isEqualTo("Disconnected by the server: You were kicked: too loud");
        assertThat(page.focused()).isEqualTo(page.reconnectButton());

        // keyboard only: Enter on the focused button, then the name again
        page.focused().sendKeys("\n");
        page.field("Username");
        page.joinAs("bob2");
        alice.expect("* bob2 joined the chat");
    }

    @Test
    void whenTheServerShutsDownThePageSaysSoAndOffersToReconnect() {
        server = RunningServer.start("--chat.history-size=0");
        ChatPage page = ChatPage.open(driver, server.httpPort()).joinAs("bob");

        server.close();
        server = null;
        page.awaitLine("* Server is shutting down.");
        assertThat(page.endedNotice()).isEqualTo("The server shut down.");
        assertThat(page.reconnectButton().isDisplayed()).isTrue();

        // no silent retries: one try per click, and the page says it failed
        page.reconnectButton().click();
        page.waitUntil(() -> page.endedNotice().equals("Cannot reach the chat server."), "the failed reconnect");
        assertThat(page.reconnectButton().isDisplayed()).isTrue();
    }

    /**
     * The pictures of the page in README.md and docs/chatting.md, retaken by every run: a
     * laptop and a phone.
     */
    @Test
    void screenshotsAtLaptopAndPhoneSize() throws IOException {
        server = RunningServer.start("--chat.history-size=0", "--chat.name=Friday Lunch");
        LineClient alice = server.join("alice");
        LineClient carol = server.join("carol");
        alice.expect("* carol joined the chat");
        ChatPage page = ChatPage.open(driver, server.httpPort()).joinAs("bob");
        alice.expect("* bob joined the chat");
        carol.expect("* bob joined the chat");

        alice.send("Anyone up for lunch at noon?");
        page.awaitLine("alice: Anyone up for lunch at noon?");
        carol.send("/me raises a hand");
        page.awaitLine("* carol raises a hand");
        page.say("Count me in. The usual place?");
        alice.skipUntil("bob: Count me in. The usual place?");
        alice.send("/msg bob bring the card game");
        page.awaitLine("[private] alice: bring the card game");
        server.bean(ChatRoom.class).say("Backup at 18:00, expect a short pause");
        page.awaitLine("Server: Backup at 18:00, expect a short pause");
        carol.send("Booked a table for three");
        page.awaitLine("carol: Booked a table for three");
        page.say("/nick alice").awaitLine("! Username \"alice\" is taken.");
        page.say("/who").awaitLine("* 3 users online: alice, bob, carol");
        page.field("Message").sendKeys("See you there");

        Path laptop = screenshot(1280, 800, false, "light", "web-page-laptop.png");
        Path phone = screenshot(390, 844, true, "dark", "web-page-phone.png");
        assertThat(ImageIO.read(laptop.toFile()).getWidth()).isEqualTo(1280);
        assertThat(ImageIO.read(phone.toFile()).getWidth()).isEqualTo(390);
    }

    private static Path screenshot(int width, int height, boolean phone, String scheme, String name)
            throws IOException {
        HeadlessChromium.viewport(driver, width, height, phone);
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        try {
            Path file = Path.of("docs", name);
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        }
        finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

}
