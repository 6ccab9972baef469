package dev.tollgate.tck.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.tck.RecordCollector;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
public class ObserverFailureTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployments.war("observer-failure", TckConfig.standard(),
                ObserverFailureTest.class, AdviceService.class, InnerService.class, ThrowingObserver.class);
    }

    @Inject
    AdviceService advice;

    @Inject
    RecordCollector records;

    @Test
    public void throwingObservers_neverReachTheBusinessCall() {
        records.clear();

        assertEquals("Hello from the stub.", advice.ask("Still answered?"));
        assertEquals("Hello from the stub.", advice.ask("And again?"));

        assertEquals(2, records.awaitAsync(2).size());
    }
}
