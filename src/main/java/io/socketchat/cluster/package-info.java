/**
 * Several nodes, one room ({@code chat.cluster.enabled=true}): the
 * {@link io.socketchat.room.RoomLedger} kept in Redis. A change to the room travels like
 * this: <pre>
 *   user's line → ChatRoom → RedisLedger.publish → RedisLink ──Lua: check, change keys, XADD──▶ Redis stream
 *   every node: StreamReader (XREAD BLOCK from its last id) → RoomFollower → RoomView.apply → each user's Outbox
 * </pre> Names, places and leases change only inside those scripts; each node's
 * {@code Leases} renew its users' leases and let go of those whose node stopped.
 * docs/cluster.md says what is promised when Redis fails.
 */
package io.socketchat.cluster;
