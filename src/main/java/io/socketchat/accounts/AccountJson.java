package io.socketchat.accounts;

import java.util.List;

import io.socketchat.protocol.Username;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts as JSON: one account (a value in Redis) or the whole file of one node.
 */
public final class AccountJson {

    /** The accounts file: a version, for a later change of format, and the accounts. */
    record AccountsFile(int version, List<Account> accounts) {
    }

    static final int VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AccountJson() {
    }

    public static String write(Account account) {
        return JSON.writeValueAsString(account);
    }

    /**
     * @throws JacksonException when it is not an account
     */
    public static Account read(String json) {
        return checked(JSON.readValue(json, Account.class));
    }

    static byte[] writeFile(List<Account> accounts) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new AccountsFile(VERSION, accounts));
    }

    /**
     * @throws IllegalArgumentException or {@link JacksonException} when it is not a file
     * of accounts
     */
    static List<Account> readFile(byte[] bytes) {
        AccountsFile file = JSON.readValue(bytes, AccountsFile.class);
        if (file == null || file.version() != VERSION || file.accounts() == null) {
            throw new IllegalArgumentException("not a version " + VERSION + " accounts file");
        }
        file.accounts().forEach(AccountJson::checked);
        return file.accounts();
    }

    private static Account checked(Account account) {
        if (account == null || account.name() == null || account.status() == null || account.secret() == null
                || !account.secret().startsWith("$argon2id$")) {
            throw new IllegalArgumentException("an account without a name, status or hash");
        }
        if (!(Username.check(account.name()) instanceof Username.Check.Valid)) {
            throw new IllegalArgumentException("an account with an invalid name");
        }
        return account;
    }

}
