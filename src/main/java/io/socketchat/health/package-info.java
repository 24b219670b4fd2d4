/**
 * What Actuator shows of the chat: the {@code chat} health component (listening port,
 * users, limit), part of the readiness group so a service manager knows when users can
 * join.
 */
package io.socketchat.health;
