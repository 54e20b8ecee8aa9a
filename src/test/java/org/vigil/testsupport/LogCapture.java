package org.vigil.testsupport;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** Anonymity and privacy tests: every log line of every level, with its parameters and causes, as text. */
public final class LogCapture {

    private LogCapture() {}

    /** A handler to add to the root logger that appends each record to {@code logged}. */
    public static Handler into(List<String> logged) {
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
                if (record.getParameters() != null) {
                    for (Object p : record.getParameters()) {
                        line.append(' ').append(p);
                    }
                }
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    line.append(' ').append(t);
                }
                logged.add(line.toString());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        return capture;
    }
}
