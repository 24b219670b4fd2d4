/**
 * Names that belong to their people ({@code chat.accounts.mode} {@code open} or
 * {@code invite}): the {@code AccountBook} answers what a chosen name needs and checks
 * passwords and invite codes. A check travels like this: <pre>
 *   room.Reception (name chosen) ─▶ AccountBook.door ─▶ "Password for alice:" / "Invite code for alice:"
 *   the answer ─▶ AccountBook.logIn / checkCode ─▶ SecretHasher (Argon2id, own pool of 2)
 *              ─▶ the session's next step on another thread; its lines wait in order meanwhile
 *   AccountStore: FileAccountStore (chat.data-dir/accounts.json) or, with several nodes,
 *                 cluster.RedisAccountStore (one Redis hash)
 * </pre> Only hashes are kept; passwords and codes are in memory for one answer and never
 * logged. {@code LoginLockout} applies the brute-force rule per address and account.
 */
package io.socketchat.accounts;
