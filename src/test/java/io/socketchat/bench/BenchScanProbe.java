package io.socketchat.bench;

import org.springframework.stereotype.Component;

/**
 * A component in the bench's package: the server's component scan must not pick it up.
 */
@Component
public class BenchScanProbe {

}
