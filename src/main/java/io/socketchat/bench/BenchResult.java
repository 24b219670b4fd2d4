package io.socketchat.bench;

import java.util.Map;

/**
 * The figures of one run. Counts are exact; times are nanoseconds unless the name says
 * otherwise.
 *
 * @param runId six letters that mark this run's messages
 * @param clients clients asked for
 * @param joined clients that got the {@code Hello} line
 * @param joinNanos from the first connect to the last client joined (or given up)
 * @param failures why clients did not join, by reason
 * @param senders joined clients that sent
 * @param sent messages put on the wire
 * @param refused of those, answered by the server with a {@code ! ... not sent} line
 * @param unconfirmed messages of senders the server dropped that no reader received:
 * maybe never read by the server, so neither expected nor lost
 * @param expected deliveries owed to the readers still connected at the end
 * @param delivered fresh deliveries those readers got
 * @param duplicated deliveries seen twice (all readers)
 * @param outOfOrder deliveries lower than one already seen from that sender (all readers)
 * @param deliveriesPerSecond fresh deliveries (all readers) per second, from the first
 * send to the last delivery
 * @param deliveryNanos that span
 * @param latencyCount deliveries with a latency recorded
 * @param latencyP50 latency percentiles and extremes, send to receive
 * @param silent clients that joined and never read
 * @param silentDisconnected of those, how many others saw reported as
 * {@code disconnected (not reading)}
 * @param readersDropped reading clients whose connection ended before the report
 * @param readerDrops why, by reason
 * @param readersNotReading reading clients that others saw reported as
 * {@code disconnected (not reading)}
 * @param otherErrors {@code !} lines after joining that were not refusals
 * @param firstError the first of them, or null
 * @param rssBeforeKb server RSS before connecting, -1 unknown
 * @param rssAfterJoinKb server RSS once everybody joined
 * @param rssEndKb server RSS at the end
 * @param toolCpuPercent this process's CPU time over the run's wall time (100 = one core
 * busy)
 * @param elapsedNanos the whole run
 * @param timedOut the time limit ended the run
 * @param stalled sending stopped because deliveries stopped coming
 */
public record BenchResult(String runId, int clients, int joined, long joinNanos, Map<String, Integer> failures,
        int senders, long sent, long refused, long unconfirmed, long expected, long delivered, long duplicated,
        long outOfOrder, double deliveriesPerSecond, long deliveryNanos, long latencyCount, long latencyP50,
        long latencyP99, long latencyP999, long latencyMax, double latencyMean, int silent, int silentDisconnected,
        int readersDropped, Map<String, Integer> readerDrops, int readersNotReading, long otherErrors,
        String firstError, long rssBeforeKb, long rssAfterJoinKb, long rssEndKb, double toolCpuPercent,
        long elapsedNanos, boolean timedOut, boolean stalled) {

    public long lost() {
        return expected - delivered;
    }

    /**
     * Server RSS growth per joined connection over the join, in KiB, or -1 when unknown.
     */
    public double rssPerConnectionKb() {
        if (rssBeforeKb < 0 || rssAfterJoinKb < 0 || joined == 0) {
            return -1;
        }
        return (double) (rssAfterJoinKb - rssBeforeKb) / joined;
    }

    /**
     * Everybody joined, nothing lost, duplicated or reordered, no reader dropped, not cut
     * short.
     */
    public boolean clean() {
        return joined == clients && lost() == 0 && duplicated == 0 && outOfOrder == 0 && readersDropped == 0
                && !timedOut && !stalled;
    }
}
