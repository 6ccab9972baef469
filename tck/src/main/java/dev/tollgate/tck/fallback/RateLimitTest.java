package dev.tollgate.tck.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A client-side limit of 60 requests a minute, shared by 200 concurrent callers. */
@ExtendWith(ArquillianExtension.class)
public class RateLimitTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployments.war("rate-limit", TckConfig.standard()
                        .set("tollgate.providers.limited.type", "simulated")
                        .set("tollgate.providers.limited.rate-limit.rpm", "60"),
                RateLimitTest.class);
    }

    @Inject
    ChatClient llm;

    @Test
    public void twoHundredConcurrentCalls_passOnlyAsFastAsTheLimitAllows() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ErrorCategory>> outcomes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    llm.chat(ChatRequest.builder().provider("limited").user("Hi").build());
                    return null;
                } catch (LlmException e) {
                    assertTrue(e.retryAfter().isPresent(), "a refusal says when to come back");
                    return e.category();
                }
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        int passed = 0;
        int refused = 0;
        for (Future<ErrorCategory> outcome : outcomes) {
            ErrorCategory category = outcome.get(60, TimeUnit.SECONDS);
            if (category == null) {
                passed++;
            } else {
                assertEquals(ErrorCategory.RATE_LIMITED, category);
                refused++;
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began) + 1;
        pool.shutdown();

        assertEquals(200, passed + refused);
        assertTrue(passed >= 60 && passed <= 60 + seconds,
                "a burst of 60, then one a second: " + passed + " passed in under " + seconds + " s");
    }
}
