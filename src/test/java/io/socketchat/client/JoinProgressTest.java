package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.socketchat.client.JoinProgress.LineRole;
import org.junit.jupiter.api.Test;

class JoinProgressTest {

    private final JoinProgress join = new JoinProgress();

    @Test
    void passwordThenUsernameThenHello() throws InterruptedException {
        assertThat(join.observe("Password:")).isEqualTo(LineRole.QUESTION);
        assertThat(join.awaitTurn()).contains(new Prompt(Prompt.Kind.SECRET, "Password:"));
        join.answered();

        assertThat(join.observe("Welcome to Socket Chat! Enter your username:")).isEqualTo(LineRole.QUESTION);
        assertThat(join.awaitTurn())
            .contains(new Prompt(Prompt.Kind.ANSWER, "Welcome to Socket Chat! Enter your username:"));
        join.answered();

        assertThat(join.observe("! Username \"bob\" is taken. Enter another username:")).isEqualTo(LineRole.QUESTION);
        join.answered();

        assertThat(join.observe("Hello alice! 2 users online: alice, bob. Type /help for commands, exit to leave."))
            .isEqualTo(LineRole.SHOWN);
        assertThat(join.joined()).isTrue();
        assertThat(join.awaitTurn()).contains(Prompt.message("alice"));
    }

    @Test
    void theUserWaitsUntilTheServerAsks() throws Exception {
        CompletableFuture<Optional<Prompt>> turn = CompletableFuture.supplyAsync(() -> {
            try {
                return join.awaitTurn();
            }
            catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(turn).isNotDone();

        join.observe("Welcome to Socket Chat! Enter your username:");

        assertThat(turn.get(10, TimeUnit.SECONDS)).map(Prompt::kind).contains(Prompt.Kind.ANSWER);
    }

    @Test
    void noMoreTurnsOnceTheSessionIsOver() throws InterruptedException {
        join.over();
        assertThat(join.awaitTurn()).isEmpty();
    }

    @Test
    void onceJoinedColonsAreChatNotQuestions() {
        join.observe("Hello alice! 1 user online: alice. Type /help for commands, exit to leave.");

        assertThat(join.observe("bob: what is the password:")).isEqualTo(LineRole.SHOWN);
        assertThat(join.observe("Password:")).isEqualTo(LineRole.SHOWN);
    }

    @Test
    void followsTheUsersOwnRenameOnly() {
        join.observe("Hello alice! 2 users online: alice, bob. Type /help for commands, exit to leave.");

        assertThat(join.observe("* bob is now known as robert")).isEqualTo(LineRole.SHOWN);
        assertThat(join.messagePrompt().text()).isEqualTo("alice");
        assertThat(join.observe("* alice is now known as Alicia")).isEqualTo(LineRole.OWN_NAME_CHANGED);
        assertThat(join.messagePrompt().text()).isEqualTo("Alicia");
    }

    @Test
    void theAccountQuestionsAtTheDoorAreSecret() throws InterruptedException {
        for (String question : new String[] { "Password for alice:", "Invite code for alice:",
                "Choose a password (at least 8 characters):",
                "! At least 8 characters. Choose a password (at least 8 characters):",
                "! The passwords differ. Choose a password (at least 8 characters):", "Repeat the password:" }) {
            assertThat(join.observe(question)).isEqualTo(LineRole.QUESTION);
            assertThat(join.awaitTurn()).contains(new Prompt(Prompt.Kind.SECRET, question));
            join.answered();
        }
        assertThat(join.observe("! \"bob\" has no account here. Ask the admin for an invite. Enter your username:"))
            .isEqualTo(LineRole.QUESTION);
        assertThat(join.awaitTurn()).map(Prompt::kind).contains(Prompt.Kind.ANSWER);
    }

    @Test
    void onceJoinedOnlyTheUsersOwnDialogueAsksSecretly() throws Exception {
        join.observe("Hello alice! 2 users online: alice, bob. Type /help for commands, exit to leave.");
        assertThat(join.observe("Current password:")).isEqualTo(LineRole.SHOWN);

        join.sending("/password");
        CompletableFuture<Optional<Prompt>> turn = CompletableFuture.supplyAsync(() -> {
            try {
                return join.awaitTurn();
            }
            catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        assertThat(join.observe("bob: a line in between")).isEqualTo(LineRole.SHOWN);
        assertThat(join.observe("Current password:")).isEqualTo(LineRole.QUESTION);
        assertThat(turn.get(5, TimeUnit.SECONDS)).contains(new Prompt(Prompt.Kind.SECRET, "Current password:"));
        join.answered();

        assertThat(join.observe("! Wrong password.")).isEqualTo(LineRole.SHOWN);
        assertThat(join.awaitTurn()).contains(Prompt.message("alice"));
    }

}
