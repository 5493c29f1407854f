package com.leadcadence.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleExtensionContexts;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.config.JdbiConfig;
import org.jdbi.v3.core.extension.ExtensionContext;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.jdbi.v3.core.extension.NoSuchExtensionException;

/**
 * SQL objects attached once per Jdbi and per DAO type, then run on whichever handle the caller gives.
 *
 * <p>Why: JDBI attaches a DAO anew for every {@code handle.attach} and for every call of an
 * {@code onDemand} DAO, and each attach builds and warms a handler, with a copy of the configuration, for
 * every method of the interface ({@code TouchDao} has 33). In the speed-to-lead benchmark's profile that
 * was about a tenth of the product's CPU. The handlers themselves hold no handle and no state between
 * calls, so one attachment serves every thread: {@link #on} and {@link #onDemand} give a thin proxy that
 * makes the given handle the calling thread's current one for the length of each call, and the shared
 * attachment's handle supplier answers with it.
 *
 * <p>The semantics are JDBI's: {@link #onDemand} runs each call on its own handle, or on the handle the
 * thread already works on inside {@code jdbi.withHandle}; {@link #on} runs on the given handle, in its
 * transaction if one is open. A DAO's default methods and {@code getHandle()} see the same handle.
 *
 * <p>It is a {@link JdbiConfig} so that each Jdbi (the application's, each test's) has its own
 * attachments, made with that Jdbi's mappers and plugins; {@link #createCopy()} shares it with the
 * handles' copies of the configuration.
 */
public final class SharedDaos implements JdbiConfig<SharedDaos> {
  /** The handles the calling thread's DAO calls run on, innermost first, each with its method contexts. */
  private static final ThreadLocal<Deque<Frame>> FRAMES = ThreadLocal.withInitial(ArrayDeque::new);

  private final ConfigRegistry jdbiConfig;
  private final ConcurrentMap<Class<?>, Object> attached = new ConcurrentHashMap<>();
  private final HandleSupplier threadHandles = new ThreadHandles();

  /** Made by JDBI's {@link ConfigRegistry} for the Jdbi's own configuration. */
  public SharedDaos(ConfigRegistry jdbiConfig) {
    this.jdbiConfig = jdbiConfig;
  }

  @Override
  public SharedDaos createCopy() {
    return this;
  }

  /** The DAO whose every call runs on {@code handle} (its transaction, if one is open). */
  public static <T> T on(Handle handle, Class<T> type) {
    SharedDaos daos = of(handle.getJdbi());
    return proxy(type, (method, args) -> daos.call(handle, type, method, args));
  }

  /** Like {@code SharedDaos.onDemand(jdbi, type)}: each call on its own handle, or on the thread's open one. */
  public static <T> T onDemand(Jdbi jdbi, Class<T> type) {
    SharedDaos daos = of(jdbi);
    return proxy(type, (method, args) -> jdbi.withHandle(handle -> daos.call(handle, type, method, args)));
  }

  private static SharedDaos of(Jdbi jdbi) {
    return jdbi.getConfig(SharedDaos.class);
  }

  private Object call(Handle handle, Class<?> type, Method method, Object[] args) throws Exception {
    Deque<Frame> frames = FRAMES.get();
    frames.push(new Frame(handle, new ArrayDeque<>()));
    try {
      return method.invoke(attachment(type), args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw (Error) cause;
    } finally {
      frames.pop();
    }
  }

  private Object attachment(Class<?> type) {
    return attached.computeIfAbsent(type, t -> jdbiConfig.get(Extensions.class)
        .findFor(t, threadHandles)
        .orElseThrow(() -> new NoSuchExtensionException(t)));
  }

  private interface DaoCall {
    Object call(Method method, Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<T> type, DaoCall call) {
    InvocationHandler handler = (self, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> self == args[0];
          case "hashCode" -> System.identityHashCode(self);
          default -> "shared " + type.getSimpleName();
        };
      }
      return call.call(method, args);
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private record Frame(Handle handle, Deque<ExtensionContext> contexts) {}

  /** The shared attachments' handle supplier: the calling thread's current handle and method context. */
  private final class ThreadHandles implements HandleSupplier {
    @Override
    public Handle getHandle() {
      return current().handle();
    }

    @Override
    public Jdbi getJdbi() {
      return current().handle().getJdbi();
    }

    /** Asked when attaching: the Jdbi's own configuration, as a fresh handle of it would have. */
    @Override
    public ConfigRegistry getConfig() {
      return jdbiConfig;
    }

    @Override
    public <V> V invokeInContext(ExtensionContext context, Callable<V> task) throws Exception {
      Frame frame = current();
      frame.contexts().push(context);
      HandleExtensionContexts.enter(frame.handle(), context);
      try {
        return task.call();
      } finally {
        frame.contexts().pop();
        HandleExtensionContexts.enter(frame.handle(), innermostContextOf(frame.handle()));
      }
    }

    private Frame current() {
      Frame frame = FRAMES.get().peek();
      if (frame == null) {
        throw new IllegalStateException("a shared DAO was called outside SharedDaos.on/onDemand");
      }
      return frame;
    }

    /** A call on the same handle further out (a default method calling another DAO) gets its own back. */
    private ExtensionContext innermostContextOf(Handle handle) {
      for (Frame frame : FRAMES.get()) {
        if (frame.handle() == handle && !frame.contexts().isEmpty()) {
          return frame.contexts().peek();
        }
      }
      return null;
    }
  }
}
