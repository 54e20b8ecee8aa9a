package org.vigil.forwarding;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * Publishes events to a durable RabbitMQ queue as persistent messages whose message id is the event
 * id. A batch counts as delivered only when the broker has confirmed every message of it (publisher
 * confirms) and routed each one to the queue (mandatory flag): otherwise the whole batch is retried
 * and the case system drops what it already has by message id.
 */
public class RabbitMqSink implements AutoCloseable {

    private final ForwardingConfig.RabbitMq settings;
    private Connection connection;

    public RabbitMqSink(ForwardingConfig.RabbitMq settings) {
        this.settings = settings;
    }

    public void publish(List<OutboxEvent> batch, Duration confirmWait)
            throws IOException, TimeoutException, InterruptedException {
        try (Channel channel = connection().createChannel()) {
            channel.queueDeclare(settings.queue(), true, false, false, Map.of("x-queue-type", settings.queueType()));
            AtomicBoolean unroutable = new AtomicBoolean();
            channel.addReturnListener(returned -> unroutable.set(true));
            channel.confirmSelect();
            for (OutboxEvent event : batch) {
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                        .deliveryMode(2)
                        .contentType("application/json")
                        .contentEncoding("utf-8")
                        .messageId(event.eventId)
                        .type(event.type)
                        .appId("vigil")
                        .build();
                channel.basicPublish(
                        "", settings.queue(), true, properties, event.payload.getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(confirmWait.toMillis());
            if (unroutable.get()) {
                throw new IOException("The broker could not route an event to queue " + settings.queue());
            }
        } catch (IOException | TimeoutException e) {
            close();
            throw e;
        }
    }

    private synchronized Connection connection() throws IOException, TimeoutException {
        if (connection == null || !connection.isOpen()) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost(settings.host());
            factory.setPort(settings.port());
            factory.setUsername(settings.username());
            factory.setPassword(settings.password());
            factory.setVirtualHost(settings.virtualHost());
            factory.setConnectionTimeout(5_000);
            // the relay reconnects on its next run; the library's recovery would replay state we do not need
            factory.setAutomaticRecoveryEnabled(false);
            if (settings.tls()) {
                try {
                    factory.useSslProtocol(SSLContext.getDefault());
                } catch (NoSuchAlgorithmException e) {
                    throw new IOException("TLS is not available in this JVM", e);
                }
                factory.enableHostnameVerification();
            }
            connection = factory.newConnection("vigil-forwarding");
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.abort(2_000);
            } finally {
                connection = null;
            }
        }
    }
}
