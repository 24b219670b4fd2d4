/**
 * The chat page's side: a WebSocket at {@code /chat} on the HTTP port, wired with Spring
 * Integration's WebSocket container and its inbound and outbound adapters, feeding the
 * same {@code room.Reception} and {@code room.ChatRoom} as the TCP side. A browser is a
 * session like any other; only its transport differs ({@code BrowserConnections}, one
 * text frame per line). The page itself is plain HTML, CSS and JavaScript under
 * {@code static/}.
 * <p>
 * The path of a line typed in a browser: <pre>
 * WebSocket frame ─▶ inbound adapter ─▶ BrowserConnections.frame ─▶ room.Reception.lineFrom
 *        ─▶ room.ChatRoom ─▶ each recipient's room.Outbox ─▶ its transport (TCP or browser)
 * browser's Outbox ─▶ BrowserWriters (its own thread, never the room's) ─▶ toBrowsers channel
 *        ─▶ outbound adapter ─▶ one text frame per line
 * </pre>
 */
package io.socketchat.web;
