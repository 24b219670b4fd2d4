package io.socketchat.irc;

import io.socketchat.room.ClientConnections;
import io.socketchat.room.RegistrationDesk;
import io.socketchat.room.Session;
import io.socketchat.server.Doorway;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The IRC ports' connections: each is a session of the IRC face, come in at the
 * {@link RegistrationDesk} through the same checks at the door as every other connection,
 * and driven by its {@link IrcClient}.
 */
@Component
@ConditionalOnExpression(IrcServerConfig.ANY_PORT)
class IrcDoorway implements Doorway {

    /** 512 bytes with the CRLF (RFC 1459). */
    private static final int MAX_LINE_BYTES = IrcWire.MAX_LINE - 2;

    private final IrcServer server;

    private final RegistrationDesk reception;

    IrcDoorway(IrcServer server, RegistrationDesk reception) {
        this.server = server;
        this.reception = reception;
    }

    @Override
    public boolean serves(String listenerName) {
        return IrcServerConfig.PLAIN.equals(listenerName) || IrcServerConfig.TLS.equals(listenerName);
    }

    @Override
    public int maxLineBytes() {
        return MAX_LINE_BYTES;
    }

    @Override
    public Visit arrived(String connectionId, String address, ClientConnections transport) {
        Session session = reception.arrived(connectionId, address, transport, server.face());
        return new IrcClient(server, reception, session);
    }

}
