package io.socketchat.cluster;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Username;
import io.socketchat.room.ChatMetrics.DropReason;
import io.socketchat.room.Member;
import io.socketchat.room.RoomEvent;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * Room events as the fields of a stream entry: {@code t} the kind, {@code m} the member
 * id, {@code n} the member's name, {@code to} a new name or a target id, {@code x} a
 * text, {@code w} why a kicked user is dropped, {@code a} the address a member joined
 * from (or that was banned or unbanned: kind {@code B}, read by the ledger, not the
 * room), {@code o} the node instance that appended a line (read only by that node).
 * Joins, leaves and renames are written by the scripts that change the names, with the
 * same fields. A group of a node's lines is one entry of kind {@code G}: its lines'
 * fields in one value, {@code g}, a JSON array of their arrays of fields, so that Redis
 * appends and every node reads one entry for the group instead of one for each line.
 * Groups are written and read with Jackson's streaming parser and generator, not its
 * object mapper: they are arrays of strings, and on this path, run for every line, the
 * mapper's general machinery was code the JIT compiled again and again (seconds of a
 * compiler thread per run of the benchmark, docs/benchmarks.md).
 */
final class EventCodec {

    private static final JsonFactory JSON = new JsonFactory();

    private EventCodec() {
    }

    /** The fields of a public line, private message or kick, as name/value pairs. */
    static List<String> fields(RoomEvent event) {
        List<String> fields = new ArrayList<>(8);
        if (event instanceof RoomEvent.Public line) {
            add(fields, "t", "P", "m", line.fromId() == null ? "" : line.fromId(), "x", line.line());
        }
        else if (event instanceof RoomEvent.Private message) {
            add(fields, "t", "M", "m", message.from().id(), "n", message.from().name().display(), "to", message.toId(),
                    "x", message.text());
        }
        else if (event instanceof RoomEvent.Kick kick) {
            add(fields, "t", "K", "to", kick.targetId(), "x", kick.reason(), "w", kick.why().name());
        }
        else {
            throw new IllegalArgumentException("Not published as a line: " + event);
        }
        return fields;
    }

    /** One event as it goes in a group: the JSON array of its fields. */
    static byte[] grouped(RoomEvent event) {
        List<String> fields = fields(event);
        int length = 2;
        for (String field : fields) {
            // the field, its quotes and a comma: exact for plain ASCII, and the stream
            // grows for the rest
            length += field.length() + 3;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(length);
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            json.writeStartArray();
            for (String field : fields) {
                json.writeString(field);
            }
            json.writeEndArray();
        }
        return bytes.toByteArray();
    }

    /**
     * A group entry's {@code g}: the events' arrays ({@link #grouped}) in one JSON array,
     * in order.
     */
    static byte[] group(List<byte[]> grouped) {
        int bytes = 0;
        for (byte[] event : grouped) {
            bytes += event.length;
        }
        ByteArrayOutputStream group = new ByteArrayOutputStream(groupSize(grouped.size(), bytes));
        group.write('[');
        for (int i = 0; i < grouped.size(); i++) {
            if (i > 0) {
                group.write(',');
            }
            group.writeBytes(grouped.get(i));
        }
        group.write(']');
        return group.toByteArray();
    }

    /** The size of a group of this many events of these bytes in all. */
    static int groupSize(int events, int bytes) {
        return bytes + Math.max(events - 1, 0) + 2;
    }

    /**
     * The events of a group entry's {@code g}, in order.
     * @throws IllegalArgumentException if it is not one {@link #group} wrote
     */
    static List<RoomEvent> events(String group) {
        try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), group)) {
            List<RoomEvent> events = new ArrayList<>();
            expect(json, json.nextToken(), JsonToken.START_ARRAY);
            JsonToken token;
            while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
                expect(json, token, JsonToken.START_ARRAY);
                Map<String, String> byName = new HashMap<>(8);
                String name = null;
                while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
                    expect(json, token, JsonToken.VALUE_STRING);
                    if (name == null) {
                        name = json.getString();
                    }
                    else {
                        byName.put(name, json.getString());
                        name = null;
                    }
                }
                RoomEvent event = event(byName);
                if (event != null) {
                    events.add(event);
                }
            }
            if (json.nextToken() != null) {
                throw new StreamReadException(json, "more after its end");
            }
            return events;
        }
        catch (JacksonException ex) {
            throw new IllegalArgumentException(
                    "Not a group of lines at " + ex.getLocation().getCharOffset() + ": " + ex.getOriginalMessage(), ex);
        }
        catch (RuntimeException ex) {
            throw new IllegalArgumentException("Not a group of lines at 0: " + ex, ex);
        }
    }

    /**
     * A group is arrays of strings in an array, and nothing else; the parser's own error
     * says where it broke.
     */
    private static void expect(JsonParser json, JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw new StreamReadException(json,
                    (token == null ? "its end" : token.asString()) + " where " + expected.asString() + " was expected");
        }
    }

    /**
     * @return the event, or null for an entry this version does not know (written by a
     * newer node)
     */
    static RoomEvent event(Map<String, String> fields) {
        String kind = fields.getOrDefault("t", "");
        return switch (kind) {
            case "P" -> new RoomEvent.Public(emptyToNull(fields.get("m")), text(fields));
            case "M" -> new RoomEvent.Private(member(fields), fields.get("to"), text(fields));
            case "K" -> new RoomEvent.Kick(fields.get("to"), text(fields), dropReason(fields.get("w")));
            case "J" -> new RoomEvent.Joined(
                    new Member(fields.get("m"), new Username(fields.get("n")), emptyToNull(fields.get("a"))));
            case "L" -> {
                Member member = member(fields);
                String notice = text(fields);
                yield new RoomEvent.Left(member, notice.isEmpty() ? Replies.left(member.name()) : notice);
            }
            case "R" -> new RoomEvent.Renamed(member(fields), new Username(fields.get("to")));
            default -> null;
        };
    }

    /**
     * The room's state from {@code snapshot.lua}: [last id, n, n history lines newest
     * first, then member id and "key\nname\naddress" pairs (older entries: "key\nname")].
     */
    static RoomEvent.Restored restored(List<?> reply) {
        int historyLines = Integer.parseInt(String.valueOf(reply.get(1)));
        List<String> history = new ArrayList<>(historyLines);
        for (int i = 2 + historyLines - 1; i >= 2; i--) {
            history.add(String.valueOf(reply.get(i)));
        }
        List<Member> roster = new ArrayList<>();
        for (int i = 2 + historyLines; i + 1 < reply.size(); i += 2) {
            String[] entry = String.valueOf(reply.get(i + 1)).split("\n", 3);
            roster.add(new Member(String.valueOf(reply.get(i)), new Username(entry[1]),
                    entry.length > 2 ? emptyToNull(entry[2]) : null));
        }
        return new RoomEvent.Restored(roster, history);
    }

    /**
     * Why a kicked user is counted as dropped; entries of older nodes carry no reason:
     * kicked.
     */
    private static DropReason dropReason(String name) {
        return name == null ? DropReason.KICKED : DropReason.valueOf(name);
    }

    private static Member member(Map<String, String> fields) {
        return new Member(fields.get("m"), new Username(fields.get("n")));
    }

    private static String text(Map<String, String> fields) {
        return fields.getOrDefault("x", "");
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static void add(List<String> fields, String... pairs) {
        fields.addAll(List.of(pairs));
    }

}
