package dev.tollgate.impl.provider.bedrock;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sets system properties for one test, such as the AWS SDK's {@code aws.accessKeyId}, and puts
 * back the values they had once the test ends. Register it as an instance field with
 * {@code @RegisterExtension}.
 */
final class TestSystemProperties implements AfterEachCallback {
    private final Map<String, String> previous = new LinkedHashMap<>();

    /**
     * @param name a system property
     * @param value its value for this test
     */
    void set(String name, String value) {
        previous.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        previous.clear();
    }
}
