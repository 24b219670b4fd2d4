/**
 * {@code ChatProperties}: every {@code chat.*} setting of the server in one validated
 * record, with the defaults that application.yml and the README repeat (a test keeps the
 * three equal).
 */
package io.socketchat.config;
