/**
 * The load generator ({@code java -jar socket-chat.jar bench}): a plain main on one
 * non-blocking thread that joins simulated users to any server speaking PROTOCOL.md,
 * makes them talk and counts exactly what arrived. {@code LoadDriver} runs the phases and
 * owns the sockets; joining, sending, accounting and progress are classes of their own.
 * It also carries a bare relay, to measure the tool's own ceiling: {@code RelaySink} (the
 * socket side) feeding a {@code RelayRoom} (the protocol) of {@code RelayConnection}s.
 */
package io.socketchat.bench;
