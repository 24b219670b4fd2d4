/**
 * How the server starts, in two Spring contexts, so the chat port welcomes users before
 * most of start-up is done:
 *
 * <pre>
 * ServerStart.run(args)
 *   1. chat context   ChatCore: settings, room, TCP side, Redis for a cluster node
 *                     (ahead-of-time code from the jar: AheadOfTimeContext)
 *   2. chat port      listening: "Chat server listening on 0.0.0.0:9999"
 *   3. the rest       SocketChatApplication, a child context: web page, health and
 *                     metrics, admin console; closed by RestOfServer with the chat's
 * </pre>
 *
 * {@link io.socketchat.start.LaunchMode} picks the program (server, client, bench) and
 * {@link io.socketchat.start.Terminals} says whether a person is at the terminal. The two
 * {@code *Workaround} classes keep Spring Integration's WebSocket support from breaking
 * the start and the build; each names what it waits for.
 */
package io.socketchat.start;
