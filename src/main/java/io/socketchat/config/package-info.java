/**
 * {@code ChatProperties}: every {@code chat.*} setting of the server in one validated
 * record, with the defaults that application.yml and docs/operating.md repeat (a test
 * keeps the three equal).
 */
package io.socketchat.config;
