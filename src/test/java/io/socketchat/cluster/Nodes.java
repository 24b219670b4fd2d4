package io.socketchat.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.socketchat.support.LineClient;
import io.socketchat.support.RedisSentinelGroup;
import io.socketchat.support.RedisServer;
import io.socketchat.support.RunningServer;

/** Chat nodes in this JVM sharing one room in the test's Redis; closes them all. */
final class Nodes implements AutoCloseable {

    /** Short, so that the tests of a node that is gone wait little. */
    static final String LEASE = "3s";

    /** How the nodes reach Redis, asked at each start (ports are known late). */
    private final Supplier<List<String>> redis;

    private final List<RunningServer> started = new ArrayList<>();

    Nodes(RedisServer redis) {
        this(() -> List.of("--spring.data.redis.port=" + redis.port()));
    }

    /** Nodes that reach Redis through the group's sentinels. */
    Nodes(RedisSentinelGroup group) {
        this(() -> List.of("--spring.data.redis.sentinel.master=" + RedisSentinelGroup.MASTER,
                "--spring.data.redis.sentinel.nodes=" + group.sentinelNodes(),
                "--spring.data.redis.connect-timeout=1s"));
    }

    private Nodes(Supplier<List<String>> redis) {
        this.redis = redis;
    }

    RunningServer start(String name, String... args) {
        List<String> all = new ArrayList<>(
                List.of("--chat.cluster.enabled=true", "--chat.cluster.node-name=" + name, "--chat.rate-limit=0"));
        all.addAll(redis.get());
        all.addAll(List.of(args));
        if (all.stream().noneMatch(arg -> arg.startsWith("--chat.cluster.lease="))) {
            all.add("--chat.cluster.lease=" + LEASE);
        }
        RunningServer node = RunningServer.start(all.toArray(String[]::new));
        started.add(node);
        return node;
    }

    /**
     * Node {@code a} with alice and node {@code b} with bob, alice told that bob joined:
     * how most two-node tests begin.
     */
    AliceAndBob aliceOnAAndBobOnB(String... args) {
        RunningServer a = start("a", args);
        RunningServer b = start("b", args);
        LineClient alice = a.join("alice");
        LineClient bob = b.join("bob");
        alice.expect("* bob joined the chat");
        return new AliceAndBob(a, b, alice, bob);
    }

    record AliceAndBob(RunningServer a, RunningServer b, LineClient alice, LineClient bob) {
    }

    @Override
    public void close() {
        started.forEach(node -> {
            if (node.context().isActive()) {
                node.close();
            }
        });
    }

}
