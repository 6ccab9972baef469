package dev.tollgate.impl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Keeps what one class logs through {@code java.util.logging} until closed. */
public final class TestLogs extends Handler implements AutoCloseable {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger;

    private TestLogs(Logger logger) {
        this.logger = logger;
    }

    /**
     * @param source the class whose logger is listened to
     * @return the listener, already attached
     */
    public static TestLogs of(Class<?> source) {
        TestLogs logs = new TestLogs(Logger.getLogger(source.getName()));
        logs.logger.addHandler(logs);
        return logs;
    }

    /** @return what was logged so far, in order */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
