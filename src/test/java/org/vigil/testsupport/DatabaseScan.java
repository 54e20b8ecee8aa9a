package org.vigil.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Anonymity and privacy tests: where in the whole database a value was written. */
public final class DatabaseScan {

    private DatabaseScan() {}

    /**
     * Every column of every table of this database whose value contains {@code needle} (as UTF-8
     * bytes); {@code mustScan} names tables that must exist, so a renamed table cannot empty the scan.
     */
    public static List<String> columnsContaining(DataSource db, String needle, String... mustScan) throws SQLException {
        return columnsContaining(db, needle.getBytes(java.nio.charset.StandardCharsets.UTF_8), mustScan);
    }

    /** Every column whose value contains these bytes (a binary digest, say); as above. */
    public static List<String> columnsContaining(DataSource db, byte[] needle, String... mustScan) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement s =
                            c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns"
                                    + " WHERE table_schema = DATABASE()");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    columns.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
            assertThat(columns).extracting(col -> col[0]).contains(mustScan);
            for (String[] column : columns) {
                String sql = "SELECT COUNT(*) FROM `" + column[0] + "` WHERE LOCATE(CAST(? AS BINARY), CAST(`"
                        + column[1] + "` AS BINARY)) > 0";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setBytes(1, needle);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        if (r.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }
}
