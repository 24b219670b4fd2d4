package io.socketchat.accounts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;

/**
 * One node's accounts: {@code accounts.json} under {@code chat.data-dir}, read once at
 * the start and kept in memory. Every change writes the whole file again: to a temporary
 * file beside it, forced to the disk, then renamed over the old one, so a crash leaves
 * the old file or the new one, never half of one. The directory and the file are the
 * owner's only. A file that cannot be read stops the start
 * ({@link DamagedAccountsException}) rather than starting with no accounts, which would
 * hand every name to whoever comes first.
 */
final class FileAccountStore implements AccountStore {

    static final String FILE_NAME = "accounts.json";

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dir;

    private final Path file;

    /** Replaced whole after each successful write; guarded by this. */
    private Map<String, Account> byKey;

    FileAccountStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.file = this.dir.resolve(FILE_NAME);
        this.byKey = load();
    }

    @Override
    public synchronized Optional<Account> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public synchronized List<Account> all() {
        return List.copyOf(byKey.values());
    }

    @Override
    public synchronized void put(Account account) {
        Map<String, Account> next = new HashMap<>(byKey);
        next.put(account.key(), account);
        save(next);
    }

    @Override
    public synchronized boolean replace(Account expected, Account updated) {
        Account current = byKey.get(updated.key());
        if (expected == null ? current != null : !expected.equals(current)) {
            return false;
        }
        put(updated);
        return true;
    }

    @Override
    public synchronized boolean remove(String key) {
        if (!byKey.containsKey(key)) {
            return false;
        }
        Map<String, Account> next = new HashMap<>(byKey);
        next.remove(key);
        save(next);
        return true;
    }

    private Map<String, Account> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        }
        catch (NoSuchFileException ex) {
            return new HashMap<>();
        }
        catch (IOException ex) {
            throw new DamagedAccountsException(file, "cannot be read: " + ex.getMessage(), ex);
        }
        Map<String, Account> accounts = new HashMap<>();
        try {
            for (Account account : AccountJson.readFile(bytes)) {
                if (accounts.put(account.key(), account) != null) {
                    throw new IllegalArgumentException("two accounts for one name: " + account.name());
                }
            }
        }
        catch (JacksonException ex) {
            String where = ex.getLocation() == null ? ""
                    : " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr();
            throw new DamagedAccountsException(file, "is damaged" + where + ": " + ex.getOriginalMessage(), ex);
        }
        catch (RuntimeException ex) {
            throw new DamagedAccountsException(file, "is damaged: " + firstLine(ex.getMessage()), ex);
        }
        ownerOnly(file, OWNER_ONLY_FILE);
        return accounts;
    }

    private void save(Map<String, Account> next) {
        try {
            createDir();
            Path temporary = Files.createTempFile(dir, "accounts-", ".tmp", ownerOnlyAttributes(OWNER_ONLY_FILE));
            try {
                try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer bytes = ByteBuffer.wrap(AccountJson.writeFile(new ArrayList<>(next.values())));
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                    out.force(true);
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            finally {
                Files.deleteIfExists(temporary);
            }
            syncDir();
        }
        catch (IOException ex) {
            throw new AccountsUnavailableException("Cannot write " + file + ": " + ex.getMessage(), ex);
        }
        byKey = next;
    }

    /** Made on the first account, not before: a chat with no accounts leaves no trace. */
    private void createDir() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, ownerOnlyAttributes(OWNER_ONLY_DIR));
            ownerOnly(dir, OWNER_ONLY_DIR);
        }
    }

    /** The rename is only durable once the directory is on the disk too. */
    private void syncDir() {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
        catch (IOException ex) {
            // not every system can open a directory; the rename itself was atomic
        }
    }

    private static FileAttribute<?>[] ownerOnlyAttributes(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) }
                : new FileAttribute<?>[0];
    }

    /**
     * Sets the permissions exactly (creation attributes are narrowed by the umask only).
     */
    private static void ownerOnly(Path path, Set<PosixFilePermission> permissions) {
        if (!POSIX) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, permissions);
        }
        catch (IOException ex) {
            throw new AccountsUnavailableException("Cannot make " + path + " private: " + ex.getMessage(), ex);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not a file of accounts";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

}
