package dev.tollgate.tck.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.Exchange;
import dev.tollgate.api.Message;
import dev.tollgate.tck.RecordCollector;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
public class CaptureSwitchTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployments.war("capture-switch", TckConfig.standard()
                        .set("tollgate.call.\"switch.configured\".capture", "false")
                        .set("tollgate.call.\"switch.reenabled\".capture", "true"),
                CaptureSwitchTest.class, QuietService.class, CompanyRedactor.class);
    }

    @Inject
    QuietService service;

    @Inject
    RecordCollector records;

    private Exchange onlyExchange() {
        return records.single().exchanges().get(0);
    }

    @Test
    public void captureOffInTheAnnotation_keepsNoPromptOrAnswer_butTheUsage() {
        records.clear();

        assertEquals("Hello from the stub.", service.askQuietly("private question"));

        Exchange exchange = onlyExchange();
        assertTrue(exchange.requestMessages().isEmpty());
        assertTrue(exchange.responseText().isEmpty());
        assertEquals(30, exchange.usage().totalTokens());
    }

    @Test
    public void configuration_turnsCaptureOffForOneCall_andBackOnForAnother() {
        records.clear();

        service.askConfiguredQuiet("private question");
        service.askConfiguredLoud("public question");

        List<Exchange> exchanges = records.records().stream().map(r -> r.exchanges().get(0)).toList();
        assertTrue(exchanges.get(0).requestMessages().isEmpty());
        assertEquals(List.of(Message.user("public question")), exchanges.get(1).requestMessages());
    }

    @Test
    public void builtInRedaction_runsBeforeTheApplicationsRedactors() {
        records.clear();

        service.askRedacted("Ask jane.doe@example.com at ACME about card 4111 1111 1111 1111");

        assertEquals(List.of(Message.user("Ask [contact] at [company] about card [card]")),
                onlyExchange().requestMessages());
    }
}
