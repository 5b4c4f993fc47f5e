package io.github.calendlywebhook.core.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Wraps a data source that refuses connections, as an unreachable server does, while it is {@link #down(boolean)
 * down}, and counts the connections asked of it.
 */
public final class SwitchableDataSource {

    private final DataSource proxy;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean down;

    public SwitchableDataSource(DataSource target) {
        this.proxy = (DataSource) Proxy.newProxyInstance(SwitchableDataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (self, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                        if (down) {
                            throw new SQLTransientConnectionException("connection refused", "08001");
                        }
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Returns the data source to hand to the code under test. */
    public DataSource dataSource() {
        return proxy;
    }

    /** Makes the data source refuse connections, or take them again. */
    public void down(boolean refuse) {
        down = refuse;
    }

    /** Returns how many connections were asked for, refused ones included. */
    public int connections() {
        return connections.get();
    }
}
