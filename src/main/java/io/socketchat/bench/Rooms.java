package io.socketchat.bench;

/**
 * Which users share a room, as they saw it: a user's Hello line lists who was there, and
 * every later join is announced to the room. On one server (or on the nodes of one
 * cluster) all users end up in one room; on separate servers each server is a room of its
 * own, and a user is owed only the lines of its own room. Union-find over user indexes:
 * no memory per pair of users.
 */
final class Rooms {

    private final int[] parent;

    Rooms(int users) {
        parent = new int[users];
        for (int i = 0; i < users; i++) {
            parent[i] = i;
        }
    }

    /** {@code a} saw {@code b} in its room. */
    void together(int a, int b) {
        int rootA = roomOf(a);
        int rootB = roomOf(b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }

    /** The room of a user, named by one of its members. */
    int roomOf(int user) {
        int root = user;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[user] != root) {
            int next = parent[user];
            parent[user] = root;
            user = next;
        }
        return root;
    }

    /** For every user, the sum of {@code perUser} over its room (itself included). */
    long[] roomTotals(long[] perUser) {
        long[] byRoom = new long[parent.length];
        for (int i = 0; i < perUser.length; i++) {
            byRoom[roomOf(i)] += perUser[i];
        }
        long[] totals = new long[parent.length];
        for (int i = 0; i < perUser.length; i++) {
            totals[i] = byRoom[roomOf(i)];
        }
        return totals;
    }

}
