package dev.tollgate.tck.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.Message;
import dev.tollgate.tck.RecordCollector;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A LangChain4j AI service called in an {@code @LlmCall} method, its model given the injected
 * {@code TollgateChatModelListener}: LangChain4j's own OpenAI client, over HTTP to the stub.
 */
@ExtendWith(ArquillianExtension.class)
public class LangChain4jListenerTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployments.war("langchain4j-listener", TckConfig.standard(), LangChain4jListenerTest.class,
                LangChain4jService.class, LangChain4jService.Assistant.class);
    }

    @Inject
    LangChain4jService service;

    @Inject
    RecordCollector records;

    @Test
    public void aiServiceCall_isAPricedExchangeOfTheCallWithThePromptsItWasGiven() {
        records.clear();

        String answer = service.ask("Which library?");

        assertEquals("Hello from the stub.", answer);
        LlmCallRecord record = records.single();
        assertEquals("langchain4j.ask", record.callName());
        assertEquals(1, record.exchanges().size());
        Exchange exchange = record.exchanges().get(0);
        assertEquals("openai", exchange.target().provider());
        assertEquals("tck-plain", exchange.target().model());
        assertEquals(List.of(Message.system("Answer briefly."), Message.user("Which library?")),
                exchange.requestMessages());
        assertEquals(20, exchange.usage().inputTokens());
        assertEquals(10, exchange.usage().outputTokens());
        // 20 × 2.50 / 1M + 10 × 10 / 1M
        assertEquals(0, new BigDecimal("0.00015").compareTo(exchange.cost().total()), exchange.cost().toString());
    }
}
