package dev.tollgate.sample.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Another server of the Open Liberty runtime the build unpacked, made from the sample server's
 * configuration with one change to {@code server.xml}, for a test that needs other settings.
 */
final class SecondServer implements AutoCloseable {
    private static final Path WLP = Path.of("target", "liberty", "wlp").toAbsolutePath();
    private static final Path SAMPLE = WLP.resolve("usr/servers/sample");

    private final String name;
    private final int httpPort;

    private SecondServer(String name, int httpPort) {
        this.name = name;
        this.httpPort = httpPort;
    }

    /**
     * Creates and starts the server; returns once it answers HTTP.
     *
     * @param name the server's name
     * @param include the datasource include its {@code server.xml} names instead of {@code datasource-derby.xml}
     * @param properties its bootstrap properties: server variables and MicroProfile Config
     * @return the running server
     */
    static SecondServer start(String name, String include, Map<String, String> properties) throws Exception {
        Path dir = WLP.resolve("usr/servers").resolve(name);
        deleteTree(dir);
        Files.createDirectories(dir.resolve("apps"));
        String serverXml = Files.readString(SAMPLE.resolve("server.xml"));
        if (!serverXml.contains("<include location=\"datasource-derby.xml\"/>")) {
            throw new IllegalStateException("the sample's server.xml no longer includes datasource-derby.xml");
        }
        Files.writeString(dir.resolve("server.xml"),
                serverXml.replace("datasource-derby.xml", include));
        for (String file : List.of("datasource-derby.xml", "datasource-postgresql.xml")) {
            Files.copy(SAMPLE.resolve(file), dir.resolve(file));
        }
        copyTree(SAMPLE.resolve("jdbc"), dir.resolve("jdbc"));
        Files.copy(Path.of("target", "tollgate-sample.war"), dir.resolve("apps/tollgate-sample.war"));
        int httpPort = freePort();
        List<String> lines = new ArrayList<>(List.of("http.port=" + httpPort, "https.port=" + freePort()));
        properties.forEach((k, v) -> lines.add(k + "=" + v));
        Files.write(dir.resolve("bootstrap.properties"), lines);
        // MicroProfile Config reads system properties; bootstrap properties are server variables only.
        Files.write(dir.resolve("jvm.options"), properties.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList());

        SecondServer server = new SecondServer(name, httpPort);
        server.run("start");
        server.awaitHttp();
        return server;
    }

    SampleClient client() {
        return new SampleClient(httpPort);
    }

    private void awaitHttp() throws Exception {
        SampleClient client = client();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                if (client.get("/api/dashboard/summary").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("server " + name + " did not start; see "
                        + WLP.resolve("usr/servers").resolve(name).resolve("logs/messages.log"));
            }
            Thread.sleep(500);
        }
    }

    private void run(String action) throws Exception {
        Process p = new ProcessBuilder(WLP.resolve("bin/server").toString(), action, name)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("server " + action + " " + name + " did not return");
        }
    }

    @Override
    public void close() throws Exception {
        run("stop");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
