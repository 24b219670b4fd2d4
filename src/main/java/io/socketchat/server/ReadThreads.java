package io.socketchat.server;

import java.util.concurrent.ThreadPoolExecutor;

import io.socketchat.config.ChatProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.integration.util.CompositeExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that read from clients, a fixed number set by the configuration, never by
 * the traffic (the connection factory's default, a cached pool, grows by a thread per
 * burst of reads). Spring Integration's NIO read runs on one pool and hands the framing
 * of lines (which may wait for the rest of a line) to another: with separate pools a
 * reader never waits for a framer, so a full pool cannot deadlock. Reads queue (at most
 * one per connection): refused, a read would wait the factory's whole {@code readDelay}
 * (100 ms), which cost a burst of 20 senders more than half its time. Framers refuse work
 * when full (no queue, no caller-runs): the factory then retries the read shortly instead
 * of piling tasks up. Not beans themselves: an {@code Executor} bean would replace Spring
 * Boot's application executor. The thread bound in docs/design.md is made of these
 * numbers.
 */
public final class ReadThreads implements DisposableBean {

    /**
     * Reading a socket into its connection's pipe takes microseconds; a few threads serve
     * thousands.
     */
    public static final int READERS = 8;

    /**
     * The plain and the TLS port: each one's accept/select loop holds a reader thread
     * while it is open.
     */
    public static final int LISTENERS = 2;

    /**
     * Framers beyond the connections the chat admits at once, for those being turned
     * away.
     */
    static final int SPARE_FRAMERS = 16;

    /**
     * Past this many, a client's read waits (retried every 100 ms) until another's line
     * is complete.
     */
    public static final int MAX_FRAMERS = 256;

    private final ThreadPoolTaskExecutor readers;

    private final ThreadPoolTaskExecutor framers;

    private final CompositeExecutor executor;

    ReadThreads(ChatProperties properties) {
        this.readers = queuedPool("chat-read-", READERS + LISTENERS);
        this.framers = boundedPool("chat-frame-", framers(properties));
        this.executor = new CompositeExecutor(readers, framers);
    }

    /**
     * Framing never waits for the rest of a line, but each connection the chat admits at
     * once (users and those choosing a name) may be framing a read at the same moment.
     */
    private static int framers(ChatProperties properties) {
        return Math.min(MAX_FRAMERS, properties.maxClients() + properties.maxPending() + SPARE_FRAMERS);
    }

    /** For the connection factories: reads on the first pool, framing on the second. */
    CompositeExecutor executor() {
        return executor;
    }

    private static ThreadPoolTaskExecutor boundedPool(String threadPrefix, int threads) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix(threadPrefix);
        pool.setCorePoolSize(Math.min(2, threads));
        pool.setMaxPoolSize(threads);
        pool.setQueueCapacity(0);
        pool.setKeepAliveSeconds(30);
        pool.setAllowCoreThreadTimeOut(true);
        pool.setDaemon(true);
        pool.setRejectedExecutionHandler(new ThreadPoolExecutor.AbortPolicy());
        pool.initialize();
        return pool;
    }

    /**
     * A read task exists only while its connection's read interest is off, so at most one
     * per connection waits here: the queue is as bounded as the connections are.
     */
    private static ThreadPoolTaskExecutor queuedPool(String threadPrefix, int threads) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix(threadPrefix);
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        pool.setKeepAliveSeconds(30);
        pool.setAllowCoreThreadTimeOut(true);
        pool.setDaemon(true);
        pool.initialize();
        return pool;
    }

    @Override
    public void destroy() {
        readers.shutdown();
        framers.shutdown();
    }

}
