package io.socketchat.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node's accounts file: written whole and atomically, the owner's only, read back.
 */
class FileAccountStoreTest {

    @TempDir
    Path parent;

    private static Account registered(String name) {
        return new Account(name, Account.Status.REGISTERED, "$argon2id$v=19$m=32768,t=3,p=1$c2FsdA$aGFzaA", 0, 1000,
                2000);
    }

    @Test
    void theDirectoryIsMadeOnTheFirstAccountAndBothAreTheOwnersOnly() throws IOException {
        Path dir = parent.resolve("data");
        FileAccountStore store = new FileAccountStore(dir);
        assertThat(dir).doesNotExist();

        store.put(registered("alice"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Path file = dir.resolve(FileAccountStore.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("\"name\" : \"alice\"", "\"status\" : \"REGISTERED\"")
            .doesNotContain("\"invited\"");
        try (var left = Files.list(dir)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactly("accounts.json");
        }
    }

    @Test
    void aNewStoreReadsWhatTheLastOneWrote() {
        Path dir = parent.resolve("data");
        FileAccountStore first = new FileAccountStore(dir);
        first.put(registered("alice"));
        first.put(registered("bob"));
        assertThat(first.remove(registered("bob").key())).isTrue();

        FileAccountStore again = new FileAccountStore(dir);
        assertThat(again.all()).containsExactly(registered("alice"));
        assertThat(again.find(registered("alice").key())).contains(registered("alice"));
    }

    @Test
    void replaceStoresOnlyOverTheExpectedAccount() {
        FileAccountStore store = new FileAccountStore(parent);
        Account alice = registered("alice");
        assertThat(store.replace(null, alice)).isTrue();
        assertThat(store.replace(null, alice)).isFalse();
        Account seen = alice.seen(java.time.Instant.ofEpochMilli(5000));
        assertThat(store.replace(seen, seen)).isFalse();
        assertThat(store.replace(alice, seen)).isTrue();
        assertThat(new FileAccountStore(parent).find(alice.key())).contains(seen);
    }

    @Test
    void aDamagedFileStopsTheStartWithItsName() throws IOException {
        Path file = parent.resolve(FileAccountStore.FILE_NAME);
        Files.writeString(file, "{\"version\":1,\"accounts\":[{\"name\":\"alice\",", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new FileAccountStore(parent)).isInstanceOf(DamagedAccountsException.class)
            .hasMessageStartingWith("The accounts file " + file + " is damaged at line 1, column 42: ")
            .hasMessageContaining("The chat does not start without its accounts");
    }

    @Test
    void anEmptyFileOrAnAccountWithoutItsHashIsDamagedToo() throws IOException {
        Path file = parent.resolve(FileAccountStore.FILE_NAME);
        Files.writeString(file, "");
        assertThatThrownBy(() -> new FileAccountStore(parent)).isInstanceOf(DamagedAccountsException.class);
        Files.writeString(file, "{\"version\":1,\"accounts\":[{\"name\":\"alice\",\"status\":\"REGISTERED\"}]}");
        assertThatThrownBy(() -> new FileAccountStore(parent)).isInstanceOf(DamagedAccountsException.class);
    }

}
