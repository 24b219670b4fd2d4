/**
 * The operator's console on the server's terminal: Spring Shell commands ({@code say},
 * {@code who}, {@code kick}, {@code ban}, {@code shutdown}; {@code invite},
 * {@code accounts}, {@code forget} for accounts), run on a thread of their own so the
 * server is ready while the console waits, and the plain (non-JLine) shell they run in.
 */
package io.socketchat.admin;
