/**
 * Several nodes, one room ({@code chat.cluster.enabled=true}): the
 * {@link io.socketchat.room.RoomLedger} kept in Redis. A change to the room travels like
 * this: <pre>
 *   user's line → ChatRoom → RedisLedger.publish ──Lua: check, change keys, XADD──▶ Redis stream
 *   every node: StreamReader (XREAD BLOCK from its last id) → RoomView.apply → each user's Outbox
 * </pre> Names, places and leases change only inside those scripts; each node renews its
 * users' leases and lets go of those whose node stopped. The accounts
 * ({@code chat.accounts.mode}) are one more hash, {@code RedisAccountStore}, changed by a
 * script where only one node may win (an invite used once). docs/cluster.md says what is
 * promised when Redis fails.
 */
package io.socketchat.cluster;
