package io.socketchat.admin;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.autoconfigure.ApplicationRunnerAutoConfiguration;
import org.springframework.shell.core.autoconfigure.CommandRegistryAutoConfiguration;
import org.springframework.shell.core.autoconfigure.ShellRunnerAutoConfiguration;
import org.springframework.shell.core.autoconfigure.StandardCommandsAutoConfiguration;
import org.springframework.shell.core.autoconfigure.UserConfigAutoConfiguration;

/**
 * Spring Shell's auto-configuration without its JLine part, for the admin console.
 * <p>
 * The client needs JLine's line reader on the class path, and with it there Spring
 * Shell's {@code SpringShellAutoConfiguration} would also import
 * {@code JLineShellAutoConfiguration}: the server's console would become a JLine one
 * (which needs spring-shell-jline, and on which Ctrl-C no longer stops the server). That
 * import cannot be excluded on its own (it is not listed as an auto-configuration), so
 * {@code SocketChatApplication} excludes the whole of
 * {@code SpringShellAutoConfiguration} and this class imports the rest of it: the plain
 * console that reads {@code System.console()}.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ ApplicationRunnerAutoConfiguration.class, CommandRegistryAutoConfiguration.class,
        ShellRunnerAutoConfiguration.class, StandardCommandsAutoConfiguration.class,
        UserConfigAutoConfiguration.class })
class AdminShellConfiguration {

}
