package io.socketchat.bench;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The servers the users join: one ({@code --host}/{@code --port}) or several
 * ({@code --targets
 * host:port,host:port}, the nodes of a cluster), users spread over them round robin: user
 * {@code i} joins target {@code i mod n}.
 *
 * @param addresses the targets, in the order given; never empty
 */
public record Targets(List<InetSocketAddress> addresses) {

    public Targets {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("--targets needs at least one host:port");
        }
        addresses = List.copyOf(addresses);
    }

    public static Targets single(String host, int port) {
        return new Targets(List.of(InetSocketAddress.createUnresolved(host, port)));
    }

    /** {@code host:port,host:port}; an IPv6 host goes in brackets: {@code [::1]:9999}. */
    public static Targets parse(String list) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String item : list.split(",")) {
            String target = item.trim();
            int colon = target.lastIndexOf(':');
            if (colon <= 0 || colon == target.length() - 1) {
                throw new IllegalArgumentException("--targets needs host:port items, not '" + target + "'");
            }
            String host = target.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(target.substring(colon + 1));
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("--targets: '" + target + "' has no port number");
            }
            if (host.isBlank() || port < 1 || port > 65_535) {
                throw new IllegalArgumentException("--targets: '" + target + "' needs a host and a port 1..65535");
            }
            addresses.add(InetSocketAddress.createUnresolved(host, port));
        }
        return new Targets(addresses);
    }

    /** Where user {@code index} connects, resolved when it connects. */
    InetSocketAddress forClient(int index) {
        InetSocketAddress target = addresses.get(index % addresses.size());
        return new InetSocketAddress(target.getHostString(), target.getPort());
    }

    int size() {
        return addresses.size();
    }

    /** {@code host:port, host:port} as the report shows it. */
    public String describe() {
        return addresses.stream().map(Targets::describe).collect(Collectors.joining(", "));
    }

    static String describe(InetSocketAddress address) {
        String host = address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
