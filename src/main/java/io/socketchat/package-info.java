/**
 * One jar, three programs: the chat server ({@link io.socketchat.SocketChatApplication}),
 * the {@code client} and the {@code bench}, chosen by {@link io.socketchat.LaunchMode}
 * from a leading word or the active profile. Each feature has a package of its own below
 * this one; only the server starts Spring application contexts, two of them
 * ({@link io.socketchat.ServerStart}): the chat's ({@link io.socketchat.ChatCore}: room,
 * server, cluster), which opens the port, then the rest's (admin, health, web).
 */
package io.socketchat;
