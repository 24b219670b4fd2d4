package io.socketchat.client;

import org.springframework.stereotype.Component;

/**
 * A component in the client's package: the server's component scan must not pick it up.
 */
@Component
public class ClientScanProbe {

}
