package io.socketchat.cluster;

/**
 * How far this node has applied the room's stream, so that a caller can wait until the
 * event it just appended has been applied here (its answers then come after what the
 * event caused).
 */
final class Progress {

    private long millis;

    private long sequence;

    /** The reader applied the entry with this id. */
    synchronized void advanced(String streamId) {
        long[] id = parse(streamId);
        if (compare(id[0], id[1]) < 0) {
            millis = id[0];
            sequence = id[1];
        }
    }

    /** The reader finished a batch: wake whoever waits. */
    synchronized void batchDone() {
        notifyAll();
    }

    /**
     * @return false when the time ran out first
     */
    synchronized boolean await(String streamId, long timeoutMillis) throws InterruptedException {
        long[] id = parse(streamId);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (compare(id[0], id[1]) < 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Sign of (applied - given). */
    private int compare(long otherMillis, long otherSequence) {
        int byMillis = Long.compare(millis, otherMillis);
        return byMillis != 0 ? byMillis : Long.compare(sequence, otherSequence);
    }

    private static long[] parse(String streamId) {
        int dash = streamId.indexOf('-');
        return new long[] { Long.parseLong(streamId.substring(0, dash)), Long.parseLong(streamId.substring(dash + 1)) };
    }

}
