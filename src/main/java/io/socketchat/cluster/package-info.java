/**
 * Several nodes, one room ({@code chat.cluster.enabled=true}): the
 * {@link io.socketchat.room.RoomLedger} kept in Redis. A change to the room travels like
 * this: <pre>
 *   user's line → ChatRoom → RedisLedger.send → LineBatches (one call in flight per sender)
 *                                   ──Lua: check, change keys, XADD with the room's sequence number──▶ Redis stream
 *   join, rename, leave, ban → RedisLedger → RedisLink ──Lua──▶ Redis stream
 *   every node: StreamReader (XREAD BLOCK from its last id, own connections) → RoomFollower → RoomView.apply → each user's Outbox
 *               a gap in the sequence, or a last entry gone after a reconnect → re-read the room (Rejoins, snapshot), say so
 *               a new connection → LineReceipts: which recently acknowledged lines the (new) primary lacks → tell their senders
 * </pre> Names, places and leases change only inside those scripts; each node's
 * {@code Leases} renew its users' leases and let go of those whose node stopped. The
 * accounts ({@code chat.accounts.mode}) are one more hash, {@code RedisAccountStore},
 * changed by a script where only one node may win (an invite used once). docs/cluster.md
 * says what is promised when Redis fails or the primary changes.
 */
package io.socketchat.cluster;
