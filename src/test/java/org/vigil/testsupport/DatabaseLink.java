package org.vigil.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * A TCP forwarder between the suite's datasource and MariaDB that a test can cut (every open
 * connection dropped, new ones closed at once, as in a failover) and restore. The switch is a
 * platform MBean, since the test resource and the tests may live in different class loaders:
 * {@link #set(boolean)}.
 */
public final class DatabaseLink implements DatabaseLinkSwitch {

    private static final String MBEAN = "org.vigil.test:type=DatabaseLink";
    private static final Pattern HOST_PORT = Pattern.compile("^(jdbc:mariadb://)([^:/?]+):(\\d+)(.*)$");

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean up = true;

    private DatabaseLink(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "database-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The JDBC URL through a new link to the server of {@code url}; the link is registered for {@link #set}. */
    static String through(String url) {
        Matcher m = HOST_PORT.matcher(url);
        if (!m.matches()) {
            return url; // a URL of another shape is used as it is: such a suite cannot cut the database
        }
        try {
            DatabaseLink link = new DatabaseLink(new InetSocketAddress(m.group(2), Integer.parseInt(m.group(3))));
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(MBEAN);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new StandardMBean(link, DatabaseLinkSwitch.class), name);
            return m.group(1) + "127.0.0.1:" + link.server.getLocalPort() + m.group(4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Restores ({@code true}) or cuts ({@code false}) the suite's connection to the database. */
    public static void set(boolean up) {
        try {
            ManagementFactory.getPlatformMBeanServer().setAttribute(new ObjectName(MBEAN), new Attribute("Up", up));
        } catch (JMException e) {
            throw new IllegalStateException("No database link in this suite (see MariaDbTestResource)", e);
        }
    }

    @Override
    public boolean isUp() {
        return up;
    }

    @Override
    public void setUp(boolean up) {
        this.up = up;
        if (!up) {
            open.forEach(DatabaseLink::closeQuietly);
            open.clear();
        }
    }

    private void accept() {
        while (true) {
            try {
                Socket client = server.accept();
                if (!up) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(target, 5_000);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // one failed connection; the next is accepted as usual
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // the other side closed, or the link was cut
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "database-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
