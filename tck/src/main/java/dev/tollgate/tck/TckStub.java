package dev.tollgate.tck;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The HTTP stub of the providers, a WireMock server in the test JVM on a free loopback port,
 * serving the fixtures under {@code dev/tollgate/tck/wiremock} of the class path. Each fixture
 * answers the requests for one model, so a test picks a scenario by naming its model.
 *
 * <p>Client side only: it is called from {@code @Deployment} methods, never inside a container.
 */
public final class TckStub {
    private static WireMockServer server;

    private TckStub() {
    }

    /** @return the base URL of the stub, such as {@code http://127.0.0.1:41234}; starts it once */
    public static synchronized String baseUrl() {
        if (server == null) {
            server = new WireMockServer(options()
                    .bindAddress("127.0.0.1")
                    .dynamicPort()
                    .usingFilesUnderClasspath("dev/tollgate/tck/wiremock"));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "tck-stub-stop"));
        }
        return "http://127.0.0.1:" + server.port();
    }
}
