package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketchat.protocol.Username;

import org.junit.jupiter.api.Test;

class RosterTest {

    private final Roster roster = new Roster();

    private Member member(String id, String name) {
        Member member = new Member(id, new Username(name));
        roster.put(member);
        return member;
    }

    @Test
    void namesAreListedAsPeopleReadThemNotByTheirLookAlikeKey() {
        // the look-alike key of "mallory" is "rnallory": it would sort after "oscar"
        for (String name : new String[] { "rob", "oscar", "mallory", "Bob", "émile", "nina", "alice", "Zed", "_x",
                "carl9" }) {
            member("id-" + name, name);
        }
        assertThat(roster.names()).containsExactly("_x", "alice", "Bob", "carl9", "émile", "mallory", "nina", "oscar",
                "rob", "Zed");
    }

    @Test
    void aMemberIsFoundByAnyNameThatLooksAlikeAndLeavesTheListWhenRemoved() {
        Member alice = member("1", "alice");
        member("2", "bob");
        assertThat(roster.get("ALICE")).isEqualTo(alice);
        assertThat(roster.get("\u0430lice")).isEqualTo(alice);
        roster.remove(alice);
        assertThat(roster.get("alice")).isNull();
        assertThat(roster.names()).containsExactly("bob");
        assertThat(roster.size()).isEqualTo(1);
    }

    @Test
    void aRemovalOfSomeoneWhoseNameIsNowAnotherOnesLeavesTheOtherIn() {
        Member first = member("1", "sam");
        Member second = member("2", "Sam");
        roster.remove(first);
        assertThat(roster.get("sam")).isEqualTo(second);
        assertThat(roster.names()).containsExactly("Sam");
    }

    @Test
    void renamingKeepsTheListInOrder() {
        Member zed = member("1", "zed");
        member("2", "bob");
        roster.remove(zed);
        roster.put(new Member("1", new Username("Adam")));
        assertThat(roster.names()).containsExactly("Adam", "bob");
    }

}
