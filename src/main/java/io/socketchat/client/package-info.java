/**
 * The bundled chat client ({@code java -jar socket-chat.jar client}): a plain main with
 * no Spring context, one thread reading the server and one reading the user. On a
 * terminal it is JLine's line reader, with server lines printed above the line being
 * typed; without one it works line by line for scripts.
 */
package io.socketchat.client;
