package dev.shirase.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The system of record: H2 in file mode under the data dir by default, PostgreSQL by JDBC URL.
 * Opening migrates the schema (Flyway, {@code db/migration}); repositories share this one pool.
 */
public final class Database implements AutoCloseable {
    private static final String H2_OBJECT_CACHE = "h2.objectCache";
    /** H2's {@code WRITE_DELAY} in the default URL (see {@link #defaultUrl}). */
    static final int WRITE_DELAY_MS = 100;

    static {
        // H2 interns every string bound to a statement in a value cache, hashing it first: for a bulk load's JSON
        // bodies (a few KB each, never seen twice) that was 10 % of the storing thread's CPU, for no reuse. Read by
        // H2 when its first class loads, which is here (an operator's own -Dh2.objectCache wins).
        if (System.getProperty(H2_OBJECT_CACHE) == null) {
            System.setProperty(H2_OBJECT_CACHE, "false");
        }
    }

    private final DataSource dataSource;
    private final AutoCloseable closer;
    private final String url;

    private Database(DataSource dataSource, AutoCloseable closer, String url) {
        this.dataSource = dataSource;
        this.closer = closer;
        this.url = url;
    }

    /**
     * The default embedded database file under {@code dataDir}. Committed changes reach the file within
     * {@value #WRITE_DELAY_MS} ms instead of H2's default 500 ms: a crash or power cut loses less, and each write stays
     * small. At a bulk load's 30-40 MB/s of rows, 500 ms of changes made 10-20 MB chunks, and H2 grows its write buffer
     * for one past 4 MB by allocating a new one of 1.5 times the size, each a humongous object for G1 (see
     * {@code InMemoryBody}); 100 ms cut those allocations about five-fold.
     */
    public static String defaultUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("shirase").toString().replace('\\', '/')
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=" + WRITE_DELAY_MS;
    }

    /** Opens (and migrates) the database at {@code jdbcUrl}; user and password may be empty. */
    public static Database open(String jdbcUrl, String user, String password) {
        try {
            if (jdbcUrl.startsWith("jdbc:h2:file:")) {
                Path file = Path.of(jdbcUrl.substring("jdbc:h2:file:".length()).split(";", 2)[0]);
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
            }
            DataSource ds;
            AutoCloseable closer;
            if (jdbcUrl.startsWith("jdbc:h2:")) {
                JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, user, password);
                pool.setMaxConnections(16);
                ds = pool;
                closer = pool::dispose;
            } else {
                ds = new SimpleDataSource(jdbcUrl, user, password);
                closer = () -> { };
            }
            Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                    // Each stage owns a block of versions (V1x store, V2x matching, V3x delivery, V4x web).
                    .outOfOrder(true).load().migrate();
            return new Database(ds, closer, jdbcUrl);
        } catch (Exception e) {
            throw new StoreException("cannot open database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
    }

    /** An in-memory H2 database, for tests and benchmarks. */
    public static Database inMemory(String name) {
        return open("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** The JDBC URL with any password parameter removed, safe to print. */
    public String displayUrl() {
        return redact(url);
    }

    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            throw new StoreException("cannot close database: " + e.getMessage(), e);
        }
    }
}
