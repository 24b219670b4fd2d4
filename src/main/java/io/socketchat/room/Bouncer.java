package io.socketchat.room;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.socketchat.protocol.Replies;
import io.socketchat.room.ChatMetrics.DropReason;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Bans by IP address: the {@link FrontDoor} turns a banned address away at the door, and
 * a ban shows out every connection already in from it (users with the kick notices). With
 * several nodes the bans are shared ({@link BanList} from the {@code cluster} package)
 * and a user on any node is found and kicked; connections still logging in on other nodes
 * are refused a name.
 */
@Service
public class Bouncer {

    /**
     * A ban as the operator sees it; {@code left} is null for one that lasts until
     * unbanned.
     */
    public record BanInForce(String address, Duration left, String reason) {
    }

    /** What {@link #ban} did. */
    public sealed interface Outcome {

        /**
         * @param user the user named in the command, or null when an address was
         */
        record Banned(String address, String user, int closed) implements Outcome {
        }

        record NoSuchTarget(String target) implements Outcome {
        }

    }

    private static final Pattern IPV4 = Pattern
        .compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final ChatRoom room;

    private final Doors doors;

    private final ChatMetrics metrics;

    private final BanList bans;

    private final Clock clock;

    /**
     * @param shared the bans of every node, when there are several
     */
    @Autowired
    public Bouncer(ChatRoom room, Doors doors, ChatMetrics metrics, Optional<BanList> shared) {
        this(room, doors, metrics, Clock.systemUTC(), shared.orElse(null));
    }

    Bouncer(ChatRoom room, Doors doors, ChatMetrics metrics, Clock clock) {
        this(room, doors, metrics, clock, null);
    }

    private Bouncer(ChatRoom room, Doors doors, ChatMetrics metrics, Clock clock, BanList shared) {
        this.room = room;
        this.doors = doors;
        this.metrics = metrics;
        this.clock = clock;
        this.bans = shared != null ? shared : new Bans(clock);
        bans.whenBannedElsewhere(address -> showOutLoggingIn(address));
    }

    /**
     * Bans a user's address (a user in the chat by that name comes first) or an address.
     * @param duration null for a ban until unbanned
     * @throws RoomUnavailableException when the bans are shared and cannot be reached
     */
    public Outcome ban(String target, Duration duration, String reason) {
        Member user = room.member(target);
        if (user != null && user.address() == null) {
            user = null;
        }
        String address = user != null ? user.address() : addressIn(target);
        if (address == null) {
            return new Outcome.NoSuchTarget(target);
        }
        bans.ban(new BanList.Ban(address, duration == null ? null : clock.instant().plus(duration), reason));
        int closed = showOut(address, reason);
        return new Outcome.Banned(address, user == null ? null : user.name().display(), closed);
    }

    /**
     * @return false when the address was not banned
     */
    public boolean unban(String address) {
        String literal = addressIn(address);
        return bans.unban(literal != null ? literal : address);
    }

    public List<BanInForce> bans() {
        Instant now = clock.instant();
        return bans.list()
            .stream()
            .map(ban -> new BanInForce(ban.address(), ban.until() == null ? null : Duration.between(now, ban.until()),
                    ban.reason()))
            .toList();
    }

    boolean isBanned(String address) {
        return bans.isBanned(address);
    }

    private int showOut(String address, String reason) {
        int closed = 0;
        // users on every node: each is kicked by its own node
        for (Member member : room.membersFrom(address)) {
            if (room.kick(member, reason, DropReason.BANNED)) {
                closed++;
            }
        }
        return closed + showOutLoggingIn(address);
    }

    /** Closes the connections from the address still choosing a name on this node. */
    private int showOutLoggingIn(String address) {
        int closed = 0;
        for (Session session : doors.from(address)) {
            if (session.endIfLoggingIn()) {
                metrics.dropped(DropReason.BANNED);
                session.send(Replies.BANNED);
                session.outbox().closeWhenWritten();
                closed++;
            }
        }
        return closed;
    }

    /**
     * The address written in the text, in the transport's form, or null when it is no IP
     * address.
     */
    static String addressIn(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            // a literal: no name lookup happens
            return InetAddress.getByName(text).getHostAddress();
        }
        catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

}
