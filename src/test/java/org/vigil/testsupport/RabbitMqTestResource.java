package org.vigil.testsupport;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The real RabbitMQ that forwarding is tested against: {@code VIGIL_TEST_RABBITMQ} (host:port,
 * default 127.0.0.1:5672, guest/guest), with a queue of this run's own that is deleted at the end.
 * Without a reachable broker the relay is off and the forwarding tests skip, saying why, unless
 * {@code VIGIL_REQUIRE_RABBITMQ=true} (set by .ci/run): then the suite stops here.
 */
@WithTestResource(value = RabbitMqTestResource.class, scope = TestResourceScope.GLOBAL)
public class RabbitMqTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String SKIPPED = "RabbitMQ is not reachable at %s: forwarding tests are skipped"
            + " (VIGIL_REQUIRE_RABBITMQ=true makes them required)";
    private static final Logger LOG = Logger.getLogger(RabbitMqTestResource.class);

    private String host;
    private int port;
    private String queue;

    @Override
    public Map<String, String> start() {
        String address = System.getenv().getOrDefault("VIGIL_TEST_RABBITMQ", "127.0.0.1:5672");
        host = address.substring(0, address.lastIndexOf(':'));
        port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        if (!reachable()) {
            if (Boolean.parseBoolean(System.getenv("VIGIL_REQUIRE_RABBITMQ"))) {
                throw new IllegalStateException("VIGIL_REQUIRE_RABBITMQ=true but no RabbitMQ answers at " + address);
            }
            LOG.warnf(SKIPPED, address);
            return Map.of("vigil.forwarding.enabled", "false");
        }
        queue = "vigil.test." + UUID.randomUUID();
        return Map.of(
                "vigil.forwarding.enabled",
                "true",
                "vigil.forwarding.rabbitmq.host",
                host,
                "vigil.forwarding.rabbitmq.port",
                String.valueOf(port),
                "vigil.forwarding.rabbitmq.queue",
                queue);
    }

    private boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (queue == null) {
            return;
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        try (Connection connection = factory.newConnection()) {
            connection.createChannel().queueDelete(queue);
        } catch (IOException | TimeoutException e) {
            LOG.warnf("Test queue %s was not deleted: %s", queue, e.getMessage());
        }
    }
}
