package org.vigil.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import javax.transaction.xa.XAException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/**
 * A database that is away (failover, restart) is a 503 with Retry-After, so clients retry; other
 * failures stay 500s. The real outage is shown by deploy/checks/crash.sh, which restarts MariaDB
 * under a tip load and accepts no other 5xx.
 */
class DatabaseUnavailableTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void lostConnectionsAnswer503WithRetryAfter() {
        SQLNonTransientConnectionException refused = new SQLNonTransientConnectionException(
                "Socket fail to connect", "08000", new ConnectException("Connection refused"));
        for (Throwable failure : new Throwable[] {
            new JDBCConnectionException("could not execute statement [insert into tip ...]", refused),
            // the pool failing to open a connection, as Hibernate wraps it
            new GenericJDBCException("Unable to acquire JDBC Connection", new SQLException("association", refused)),
            // every connection of the pool busy for longer than its acquisition timeout (Agroal)
            new GenericJDBCException(
                    "Unable to acquire JDBC Connection [Sorry, acquisition timeout!]",
                    new SQLException("Sorry, acquisition timeout!")),
            // a commit that lost its connection, as Narayana reports it: the driver's error is suppressed
            new RuntimeException("Error invoking subclass method", rollback(refused))
        }) {
            Response response = mapper.unexpected(failure);
            assertThat(response.getStatus()).as(failure.toString()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
            Problem problem = (Problem) response.getEntity();
            assertThat(problem.type()).isEqualTo("/problems/unavailable");
            assertThat(problem.detail()).contains("Idempotency-Key").doesNotContain("insert", "SQL", "Exception");
        }
    }

    private static RollbackException rollback(SQLException cause) {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(cause);
        rollback.addSuppressed(xa);
        return rollback;
    }

    @Test
    void otherFailuresStay500() {
        Response response = mapper.unexpected(
                new GenericJDBCException("syntax", new SQLException("You have an error in your SQL")));
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString("Retry-After")).isNull();
    }
}
