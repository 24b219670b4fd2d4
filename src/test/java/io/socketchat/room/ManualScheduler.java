package io.socketchat.room;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;

/** A scheduler for unit tests: nothing runs until the test says so. */
final class ManualScheduler implements TaskScheduler {

    private final List<Task> tasks = new ArrayList<>();

    /**
     * Runs every task that was scheduled and not cancelled, as if their time had come.
     */
    void runAll() {
        List<Task> due;
        synchronized (tasks) {
            due = List.copyOf(tasks);
            tasks.clear();
        }
        due.stream().filter(task -> !task.isCancelled()).forEach(task -> task.action.run());
    }

    int pending() {
        synchronized (tasks) {
            return (int) tasks.stream().filter(task -> !task.isCancelled()).count();
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable action, Instant startTime) {
        Task task = new Task(action);
        synchronized (tasks) {
            tasks.add(task);
        }
        return task;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
        throw new UnsupportedOperationException();
    }

    private static final class Task implements ScheduledFuture<Object> {

        final Runnable action;

        volatile boolean cancelled;

        Task(Runnable action) {
            this.action = action;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return 0;
        }

    }

}
