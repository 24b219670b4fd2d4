package io.socketchat.web;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page as a person uses it: fields found by their labels, the conversation by
 * its role.
 */
final class ChatPage {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebDriver driver;

    ChatPage(WebDriver driver) {
        this.driver = driver;
    }

    static ChatPage open(WebDriver driver, int httpPort) {
        driver.get("http://127.0.0.1:" + httpPort + "/");
        return new ChatPage(driver);
    }

    /** The input whose label says {@code label}, once it is shown. */
    WebElement field(String label) {
        WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space()='" + label + "']"));
        WebElement input = driver.findElement(By.id(labelElement.getAttribute("for")));
        waitUntil(input::isDisplayed, "the " + label + " field to show");
        return input;
    }

    /**
     * Waits until a field labelled {@code label} is shown (labels follow the server's
     * questions).
     */
    ChatPage awaitField(String label) {
        waitUntil(
                () -> driver.findElements(By.xpath("//label[normalize-space()='" + label + "']"))
                    .stream()
                    .anyMatch(found -> driver.findElement(By.id(found.getAttribute("for"))).isDisplayed()),
                "a field labelled " + label);
        return this;
    }

    boolean isShown(String label) {
        WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space()='" + label + "']"));
        return driver.findElement(By.id(labelElement.getAttribute("for"))).isDisplayed();
    }

    /**
     * Types into the labelled field and presses Enter, as someone at the keyboard does.
     */
    ChatPage enter(String label, String text) {
        field(label).sendKeys(text, Keys.ENTER);
        return this;
    }

    ChatPage joinAs(String name) {
        enter("Username", name);
        field("Message");
        return this;
    }

    ChatPage say(String text) {
        return enter("Message", text);
    }

    WebElement conversation() {
        return driver.findElement(By.cssSelector("[role=log]"));
    }

    @SuppressWarnings("unchecked")
    List<String> lines() {
        return (List<String>) ((JavascriptExecutor) driver)
            .executeScript("return Array.from(document.querySelectorAll('[role=log] p'), p => p.textContent);");
    }

    /** Waits for a line with exactly this text in the conversation. */
    ChatPage awaitLine(String line) {
        waitUntil(() -> lines().contains(line), "the line \"" + line + "\" (have " + lines() + ")");
        return this;
    }

    /** The colour class of the first coloured name in the line with this text. */
    String nameColourOf(String line) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                """
                        const p = Array.from(document.querySelectorAll('[role=log] p')).find(p => p.textContent === arguments[0]);
                        const name = p && p.querySelector('.name');
                        return name ? name.className : null;""",
                line);
    }

    boolean atNewestLine() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "const log = document.querySelector('[role=log]');" + " return log.scrollHeight > log.clientHeight"
                        + " && log.scrollHeight - log.scrollTop - log.clientHeight < 2;");
    }

    void scrollToTop() {
        ((JavascriptExecutor) driver).executeScript("document.querySelector('[role=log]').scrollTop = 0;");
    }

    long scrollTop() {
        return ((Number) ((JavascriptExecutor) driver)
            .executeScript("return document.querySelector('[role=log]').scrollTop;")).longValue();
    }

    WebElement newerLinesButton() {
        return driver.findElement(By.id("newer"));
    }

    /** The notice shown when the connection is over, with its Reconnect button. */
    String endedNotice() {
        WebElement notice = driver.findElement(By.id("ended-text"));
        waitUntil(notice::isDisplayed, "the page to say the connection is over");
        return notice.getText();
    }

    WebElement reconnectButton() {
        return driver.findElement(By.xpath("//button[normalize-space()='Reconnect']"));
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    void waitUntil(java.util.function.BooleanSupplier condition, String what) {
        new WebDriverWait(driver, TIMEOUT).withMessage(() -> "waited for " + what).until(d -> condition.getAsBoolean());
    }

}
