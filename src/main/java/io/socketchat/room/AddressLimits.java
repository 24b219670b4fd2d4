package io.socketchat.room;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What each IP address holds: its connections, those still logging in, its places in the
 * chat. Keeps one address from starving the others:
 * <ul>
 * <li>at most {@code chat.max-connections-per-address} connections, logging in and joined
 * together;</li>
 * <li>never the chat's last place (with more than one place): someone else can always
 * join;</li>
 * <li>never the last of the {@code chat.max-pending} places for logging in: when they are
 * all taken, a newcomer from an address that holds fewer of them takes the place of the
 * oldest connection of the address that holds the most. A chat whose users all come
 * through one address (a proxy, one household) can still use every place.</li>
 * </ul>
 * A per-address limit of 0 turns the first two off. One lock: arrivals are rare next to
 * lines.
 */
final class AddressLimits {

    /** The answer to an arrival. */
    enum Verdict {

        ADMITTED, PER_ADDRESS, BUSY

    }

    /**
     * @param evicted a connection turned away to make room for this one, or null
     */
    record Admission(Verdict verdict, Session evicted) {
    }

    private final int perAddress;

    private final int maxPending;

    private final int placesPerAddress;

    private final Map<String, Holdings> byAddress = new HashMap<>();

    private int loggingIn;

    AddressLimits(int perAddress, int maxPending, int maxClients) {
        this.perAddress = perAddress;
        this.maxPending = maxPending;
        this.placesPerAddress = perAddress > 0 && maxClients > 1 ? maxClients - 1 : Integer.MAX_VALUE;
    }

    /**
     * A new connection; admitted ones count as logging in until {@link #seat} or a
     * departure.
     */
    synchronized Admission admit(Session session) {
        Holdings mine = byAddress.get(session.address());
        int held = mine == null ? 0 : mine.connections.size();
        int seated = mine == null ? 0 : mine.seated.size();
        if ((perAddress > 0 && held >= perAddress) || seated >= placesPerAddress) {
            return new Admission(Verdict.PER_ADDRESS, null);
        }
        Session evicted = null;
        if (loggingIn >= maxPending) {
            evicted = evictFor(mine == null ? 0 : mine.loggingIn.size());
            if (evicted == null) {
                return new Admission(Verdict.BUSY, null);
            }
        }
        mine = mine != null ? mine : byAddress.computeIfAbsent(session.address(), address -> new Holdings());
        mine.connections.add(session);
        mine.loggingIn.add(session);
        loggingIn++;
        return new Admission(Verdict.ADMITTED, evicted);
    }

    /**
     * Takes a place in the chat for the session; false when its address holds all it may.
     */
    synchronized boolean seat(Session session) {
        Holdings holdings = byAddress.get(session.address());
        if (holdings == null || holdings.seated.size() >= placesPerAddress) {
            return false;
        }
        stopLoggingIn(holdings, session);
        holdings.seated.add(session);
        return true;
    }

    /** The join did not happen after all: logging in again. */
    synchronized void unseat(Session session) {
        Holdings holdings = byAddress.get(session.address());
        if (holdings != null && holdings.seated.remove(session) && holdings.loggingIn.add(session)) {
            loggingIn++;
        }
    }

    /**
     * The session no longer logs in (turned away, timed out, wrong password); its
     * connection still counts.
     */
    synchronized void stoppedLoggingIn(Session session) {
        Holdings holdings = byAddress.get(session.address());
        if (holdings != null) {
            stopLoggingIn(holdings, session);
        }
    }

    /** The connection is gone: it counts no more. */
    synchronized void departed(Session session) {
        Holdings holdings = byAddress.get(session.address());
        if (holdings == null || !holdings.connections.remove(session)) {
            return;
        }
        stopLoggingIn(holdings, session);
        holdings.seated.remove(session);
        if (holdings.connections.isEmpty()) {
            byAddress.remove(session.address());
        }
    }

    synchronized int loggingIn() {
        return loggingIn;
    }

    private void stopLoggingIn(Holdings holdings, Session session) {
        if (holdings.loggingIn.remove(session)) {
            loggingIn--;
        }
    }

    /**
     * The oldest login of the address holding the most, when it holds more than the
     * newcomer's would.
     */
    private Session evictFor(int newcomerHolds) {
        Holdings heaviest = null;
        for (Holdings holdings : byAddress.values()) {
            if (heaviest == null || holdings.loggingIn.size() > heaviest.loggingIn.size()) {
                heaviest = holdings;
            }
        }
        if (heaviest == null || heaviest.loggingIn.size() <= newcomerHolds + 1) {
            return null;
        }
        for (Session oldest : heaviest.loggingIn) {
            // one in the middle of a join attempt cannot be ended; the next one can
            if (oldest.endIfLoggingIn()) {
                stopLoggingIn(heaviest, oldest);
                return oldest;
            }
        }
        return null;
    }

    /** One address's share; insertion order makes the first one logging in the oldest. */
    private static final class Holdings {

        final Set<Session> connections = new HashSet<>();

        final Set<Session> loggingIn = new LinkedHashSet<>();

        final Set<Session> seated = new HashSet<>();

    }

}
