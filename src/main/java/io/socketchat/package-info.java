/**
 * One jar, three programs: the chat server ({@link io.socketchat.SocketChatApplication}),
 * the {@code client} and the {@code bench}, chosen from a leading word or the active
 * profile. Each feature has a package of its own below this one; how the server starts
 * (the chat's context first, then the rest's) is in {@link io.socketchat.start}.
 */
package io.socketchat;
