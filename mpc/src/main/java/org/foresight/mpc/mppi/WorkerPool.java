package org.foresight.mpc.mppi;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed pool of worker threads that runs one batch of indexed tasks at a time, the calling thread
 * taking part. Tasks are claimed from a shared counter, so which worker runs which index varies; callers
 * make results independent of that by giving each index its own output slots (and each worker its own
 * scratch, passed as {@code worker}). {@link #run} allocates nothing.
 *
 * <p>Idle workers spin briefly (a planning cycle follows the last within microseconds when several
 * iterations run back to back) and then park, so an idle pool costs no CPU.
 */
public final class WorkerPool implements AutoCloseable {

    /** One batch's body: run task {@code index} on worker {@code worker} (0 = the caller). */
    @FunctionalInterface
    public interface Task {
        /**
         * @param index  task index in [0, count).
         * @param worker worker slot in [0, size()), stable for the duration of the call.
         */
        void run(int index, int worker);
    }

    private static final int SPIN_BEFORE_PARK = 20_000;

    private final Thread[] helpers;
    /** Claim counter: (generation &lt;&lt; 32) | next index, so a helper holding a stale batch claims nothing. */
    private final AtomicLong next = new AtomicLong();
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile Task task;
    private volatile int count;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Throwable failure;

    /**
     * @param threads total threads including the caller, ≥ 1; {@code threads − 1} daemon helpers start now.
     */
    public WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("worker pool threads must be >= 1, got " + threads);
        }
        helpers = new Thread[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            int slot = i + 1;
            Thread t = new Thread(() -> helperLoop(slot), "mppi-worker-" + slot);
            t.setDaemon(true);
            helpers[i] = t;
            t.start();
        }
    }

    /** @return total threads including the caller. */
    public int size() {
        return helpers.length + 1;
    }

    /**
     * Runs {@code task.run(i, worker)} for every i in [0, count) and returns when all are done. Not
     * re-entrant; call from one thread at a time. A task's exception is rethrown here (wrapped).
     *
     * @param task  the body.
     * @param count number of task indices, ≥ 0.
     */
    public void run(Task task, int count) {
        if (closed) {
            throw new IllegalStateException("worker pool is closed");
        }
        if (helpers.length == 0 || count <= 1) {
            for (int i = 0; i < count; i++) {
                task.run(i, 0);
            }
            return;
        }
        int gen = generation + 1;
        this.caller = Thread.currentThread();
        this.failure = null;
        remaining.set(count);
        next.set((long) gen << 32); // first: a helper that read the previous task can no longer claim
        this.task = task;
        this.count = count;
        generation = gen; // volatile write publishes task/count/counters to helpers
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
        work(task, count, 0, gen);
        int spins = 0;
        while (remaining.get() > 0) {
            if (++spins < SPIN_BEFORE_PARK) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 50_000L);
            }
        }
        this.task = null;
        Throwable f = failure;
        if (f != null) {
            throw new IllegalStateException("worker task failed: " + f, f);
        }
    }

    private int claim(int gen, int n) {
        while (true) {
            long c = next.get();
            if ((int) (c >>> 32) != gen || (int) c >= n) {
                return -1;
            }
            if (next.compareAndSet(c, c + 1)) {
                return (int) c;
            }
        }
    }

    private void work(Task t, int n, int worker, int gen) {
        int i;
        while ((i = claim(gen, n)) >= 0) {
            try {
                t.run(i, worker);
            } catch (Throwable e) {
                failure = e;
            } finally {
                if (remaining.decrementAndGet() == 0) {
                    Thread c = caller;
                    if (c != null) {
                        LockSupport.unpark(c);
                    }
                }
            }
        }
    }

    private void helperLoop(int slot) {
        int seen = 0;
        while (!closed) {
            int spins = 0;
            while (generation == seen && !closed) {
                if (++spins < SPIN_BEFORE_PARK) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            Task t = task;
            int n = count;
            if (t != null) {
                work(t, n, slot, seen);
            }
        }
    }

    /** @return the helper threads' ids (for allocation accounting in tests). */
    long[] helperThreadIds() {
        long[] ids = new long[helpers.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = helpers[i].getId();
        }
        return ids;
    }

    /** Stops the helpers; further {@link #run} calls fail. */
    @Override
    public void close() {
        closed = true;
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
    }
}
