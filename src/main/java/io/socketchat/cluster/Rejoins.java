package io.socketchat.cluster;

import java.util.List;

import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Username;
import io.socketchat.room.Member;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a switch of primary lost part of the room: this node's users whose join or rename
 * the new primary lacks take their name again. One whose name was taken meanwhile is let
 * go: the room read afterwards no longer holds it, so its connection is told the chat is
 * unavailable and closed, as after a long outage.
 */
final class Rejoins {

    private static final Logger log = LoggerFactory.getLogger(Rejoins.class);

    private final RedisLink link;

    private final ChatProperties properties;

    Rejoins(RedisLink link, ChatProperties properties) {
        this.link = link;
        this.properties = properties;
    }

    void redo(List<Member> joinedHere) {
        if (joinedHere.isEmpty()) {
            return;
        }
        List<String> entries = link.memberEntries(joinedHere.stream().map(Member::id).toList());
        for (int i = 0; i < joinedHere.size(); i++) {
            Member member = joinedHere.get(i);
            String entry = entries.get(i);
            if (entry == null) {
                rejoin(member);
            }
            else {
                String[] keyAndName = entry.split("\n", 3);
                if (keyAndName.length > 1 && !keyAndName[1].equals(member.name().display())) {
                    rename(member, new Username(keyAndName[1]));
                }
            }
        }
    }

    private void rejoin(Member member) {
        List<?> reply = link.execute(link.scripts().join, member.id(), member.name().key(), member.name().display(),
                properties.cluster().lease().toMillis(), properties.maxClients(), Leases.REAP_GRACE.toMillis(),
                RedisLink.STREAM_MAX, link.deadline(), member.address() == null ? "" : member.address());
        log.info("The join of {} was lost in a switch of Redis primary; joined again: {}", member.name(), reply.get(0));
    }

    private void rename(Member member, Username before) {
        List<?> reply = link.execute(link.scripts().rename, member.id(), member.name().key(), member.name().display(),
                RedisLink.STREAM_MAX, link.deadline());
        log.info("The rename of {} to {} was lost in a switch of Redis primary; renamed again: {}", before,
                member.name(), reply.get(0));
        if (!"RENAMED".equals(String.valueOf(reply.get(0)))) {
            link.execute(link.scripts().leave, member.id(), Replies.left(before), RedisLink.STREAM_MAX);
        }
    }

}
