package io.minisocket.jmeter.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Values shared by key and counted by their users: the first {@link #acquire} creates the value, the last
 * {@link Lease#close()} closes it. Thread-safe.
 *
 * @param <K> the key
 * @param <V> the value
 */
final class SharedPool<K, V extends AutoCloseable> {
  private static final Logger LOG = LogManager.getLogger(SharedPool.class);

  private final Map<K, Shared<V>> entries = new HashMap<>();

  /**
   * @param key    which value
   * @param create makes the value when no user holds one for the key; may throw, then nothing is held
   * @return a lease on the value, to close when done with it
   */
  synchronized Lease<V> acquire(K key, Function<K, V> create) {
    Shared<V> shared = entries.get(key);
    if (shared == null) {
      shared = new Shared<>(create.apply(key));
      entries.put(key, shared);
    }
    shared.users++;
    return new Lease<>(this, key, shared);
  }

  /** Closes every value still held, whoever holds it (the end of a test). */
  void closeAll() {
    List<Shared<V>> all;
    synchronized (this) {
      all = new ArrayList<>(entries.values());
      entries.clear();
    }
    all.forEach(shared -> closeQuietly(shared.value));
  }

  /** @return how many values are held */
  synchronized int size() {
    return entries.size();
  }

  private void release(K key, Shared<V> shared) {
    boolean last;
    synchronized (this) {
      last = --shared.users == 0 && entries.remove(key, shared);
    }
    if (last) {
      closeQuietly(shared.value);
    }
  }

  private static void closeQuietly(AutoCloseable value) {
    try {
      value.close();
    } catch (Exception e) {
      LOG.warn("closing {} failed", value, e);
    }
  }

  private static final class Shared<V> {
    private final V value;
    private int users;

    private Shared(V value) {
      this.value = value;
    }
  }

  /**
   * One user's hold on a shared value.
   *
   * @param <V> the value
   */
  static final class Lease<V extends AutoCloseable> implements AutoCloseable {
    private final SharedPool<?, V> pool;
    private final Object key;
    private final Shared<V> shared;
    private boolean released;

    private <K> Lease(SharedPool<K, V> pool, K key, Shared<V> shared) {
      this.pool = pool;
      this.key = key;
      this.shared = shared;
    }

    V value() {
      return shared.value;
    }

    /** Gives the value back; closes it if this was its last user. Idempotent. */
    @Override
    @SuppressWarnings("unchecked")
    public void close() {
      synchronized (this) {
        if (released) {
          return;
        }
        released = true;
      }
      ((SharedPool<Object, V>) pool).release(key, shared);
    }
  }
}
