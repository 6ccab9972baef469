package dev.tollgate.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the sample on a real PostgreSQL server, switched to by naming {@code datasource-postgresql.xml}
 * in {@code server.xml}, and takes the database away while calls go on.
 */
class PostgresqlRecordStoreIT {
    private static final int QUEUE_CAPACITY = 5;
    private static final Path DATA = Path.of("target", "postgresql-it").toAbsolutePath();

    private static int pgPort;
    private static EmbeddedPostgres postgres;
    private static SecondServer server;
    private static SampleClient sample;

    @BeforeAll
    static void start() throws Exception {
        SecondServer.deleteTree(DATA);
        pgPort = SecondServer.freePort();
        startPostgres();
        server = SecondServer.start("sample-postgresql", "datasource-postgresql.xml", Map.of(
                "tollgate.db.port", String.valueOf(pgPort),
                "tollgate.db.name", "postgres",
                "tollgate.db.user", "postgres",
                "tollgate.db.password", "unused",
                "tollgate.store.queue-capacity", String.valueOf(QUEUE_CAPACITY),
                "tollgate.store.retry-delay", "PT0.1S"));
        sample = server.client();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void records_reachPostgresql_eachOnce_throughAnOutage_andOverflowIsCounted() throws Exception {
        BigDecimal cost = ask("before", 4);
        sample.summaryOnce(s -> persistence(s, "stored") == 4);
        assertEquals(4, rows("SELECT COUNT(*) FROM TG_CALL"));
        assertEquals(0, cost.compareTo(decimal("SELECT SUM(COST) FROM TG_EXCHANGE")), "exchange costs add up");
        assertEquals(4, rows("SELECT COUNT(*) FROM TG_EXCHANGE WHERE PROMPT LIKE '%question before%'"
                + " AND ANSWER IS NOT NULL AND INPUT_TOKENS > 0 AND MODEL = 'simulated-1'"));

        postgres.close();
        ask("during", QUEUE_CAPACITY - 1);
        sample.summaryOnce(s -> persistence(s, "failures") > 0);
        startPostgres();
        JsonObject afterOutage = sample.summaryOnce(s -> persistence(s, "stored") == 4 + QUEUE_CAPACITY - 1);
        assertEquals(0, persistence(afterOutage, "dropped"));
        assertEquals(4 + QUEUE_CAPACITY - 1, rows("SELECT COUNT(*) FROM TG_CALL"));
        assertEquals(QUEUE_CAPACITY - 1, rows("SELECT COUNT(*) FROM TG_EXCHANGE WHERE PROMPT LIKE '%question during%'"));

        postgres.close();
        int overflowing = QUEUE_CAPACITY * 3;
        ask("overflow", overflowing);
        JsonObject down = sample.summaryOnce(s -> persistence(s, "dropped") > 0);
        startPostgres();
        long dropped = persistence(down, "dropped");
        long made = 4 + QUEUE_CAPACITY - 1 + overflowing;
        JsonObject end = sample.summaryOnce(s -> persistence(s, "stored") + persistence(s, "dropped") == made
                && persistence(s, "pending") == 0);
        assertEquals(dropped, persistence(end, "dropped"), "nothing more is dropped once the database is back");
        assertTrue(dropped <= overflowing - QUEUE_CAPACITY, "the queue kept its capacity: dropped " + dropped);
        assertEquals(persistence(end, "stored"), rows("SELECT COUNT(*) FROM TG_CALL"));
        assertEquals(overflowing - dropped, rows("SELECT COUNT(*) FROM TG_CALL c JOIN TG_EXCHANGE e ON e.CALL_ID = c.ID"
                + " WHERE e.PROMPT LIKE '%question overflow%'"));
        assertEquals(rows("SELECT COUNT(*) FROM TG_CALL"), distinctQuestions(), "every stored call is a different one");
    }

    private static BigDecimal ask(String phase, int calls) throws Exception {
        BigDecimal cost = BigDecimal.ZERO;
        for (int i = 0; i < calls; i++) {
            HttpResponse<String> response = sample.ask("question " + phase + " #" + i, null, i % 2 == 0);
            assertEquals(200, response.statusCode(), "the database never reaches the business call: " + response.body());
            cost = cost.add(Json.createReader(new StringReader(response.body())).readObject().getJsonObject("cost")
                    .getJsonNumber("total").bigDecimalValue());
        }
        return cost;
    }

    private static long persistence(JsonObject summary, String field) {
        return summary.getJsonObject("persistence").getJsonNumber(field).longValue();
    }

    private static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setPort(pgPort).setDataDirectory(DATA).setCleanDataDirectory(false)
                .start();
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres", "");
    }

    private static long rows(String countQuery) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(countQuery)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static BigDecimal decimal(String query) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getBigDecimal(1);
        }
    }

    private static long distinctQuestions() throws Exception {
        Set<String> prompts = new HashSet<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT PROMPT FROM TG_EXCHANGE")) {
            while (r.next()) {
                prompts.add(r.getString(1));
            }
        }
        return prompts.size();
    }
}
