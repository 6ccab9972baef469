package dev.tollgate.impl.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.api.spi.PromptRedactor;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.config.ConfigProblems;
import dev.tollgate.impl.config.ConfigReader;
import dev.tollgate.impl.config.TollgateConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BuiltInRedactorsTest {

    private static List<PromptRedactor> redactors(String... config) {
        ConfigProblems problems = new ConfigProblems();
        List<PromptRedactor> found = BuiltInRedactors.read(new ConfigReader(TestConfig.of(config), problems));
        problems.throwIfAny();
        return found;
    }

    private static String redact(String text, String... config) {
        String result = text;
        for (PromptRedactor r : redactors(config)) {
            result = r.redact(result);
        }
        return result;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Write to jane.doe+news@example.co.uk today.|Write to [email] today.",
        "Mail ops@corp-mail.example.com.|Mail [email].",
        "a@x.com,b@y.org and c.d@e.io|[email],[email] and [email]",
        "Pay with 4111 1111 1111 1111 please|Pay with [card] please",
        "Pay with 4111-1111-1111-1111.|Pay with [card].",
        "Card 5555555555554444, Amex 378282246310005|Card [card], Amex [card]",
        "key sk-proj-Tq3vZ8xWm2Lp9RkA7sYd4FhJ1nBc6GeU end|key [api-key] end",
        "key sk-ant-api03-Xk9mP2qR7tV4wY8zB3nC6dF1gH5jK0lM|key [api-key]",
        "google AIzaSyD3fK8pQ2mX7vN1cB9zR4tW6yH0jL5sA2e|google [api-key]",
        "aws AKIAIOSFODNN7EXAMPLE here|aws [api-key] here",
        "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl|Authorization: Bearer [api-key]",
        "api_key=3f9a2b7c1d8e4f6a9b0c2d4e and more|api_key=[api-key] and more",
        "password: \"Hunter2Hunter2\"|password: \"[api-key]\"",
        "secret kZ8q2Lr5Tw9Xm1Pv4Ys7Bn3Cd6Fg0Hj2Ka8Qe5R in text|secret [api-key] in text",
        "gh token ghp_Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3|gh token [api-key]",
    })
    void secretsAndPersonalData_areReplacedByTheirKind(String text, String expected) {
        assertThat(redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Contact user@localhost or @handle or a@b",
        "Reply to @example.com or name@domain or x@@y.com",
        "Card 4111 1111 1111 1112 fails the check",
        "Order 1234567890123456 and phone +1 555 123 4567",
        "Reference 79927398713 is too short for a card",
        "The task-force uses sk-learn and sk-this-is-just-a-long-slug-name",
        "commit 9fceb02d0ae598e95dc970b74767f19372d61af8 and id 550e8400e29b41d4a716446655440000",
        "AbstractSingletonProxyFactoryBeanImplementation2024 is a class",
        "see /Users/john/Documents/Quarterly/Report2024Final.pdf",
        "Bearer authentication is a scheme; the token: expired",
        "AKIA is a prefix; AIza too",
    })
    void lookalikes_areKeptAsTheyAre(String text) {
        assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void builtInSelection_runsOnlyTheNamedOnes_andNoneTurnsThemOff() {
        String text = "jane@example.com 4111111111111111 AKIAIOSFODNN7EXAMPLE";

        assertThat(redact(text, "tollgate.redaction.builtin", "card")).isEqualTo("jane@example.com [card] AKIAIOSFODNN7EXAMPLE");
        assertThat(redact(text, "tollgate.redaction.builtin", "email, api-key"))
                .isEqualTo("[email] 4111111111111111 [api-key]");
        assertThat(redact(text, "tollgate.redaction.builtin", "none")).isEqualTo(text);
    }

    @Test
    void customPatterns_runAfterTheBuiltInOnes_replacedByTheirName_orOnlyTheirSecretGroup() {
        String text = "Employee E-12345 asked about ticket #778; PIN=4821";

        assertThat(redact(text, "tollgate.redaction.patterns.employee", "E-\\d{5}",
                "tollgate.redaction.patterns.pin", "PIN=(?<secret>\\d{4})"))
                .isEqualTo("Employee [employee] asked about ticket #778; PIN=[pin]");
    }

    @Test
    void replacementFormat_isConfigurable() {
        assertThat(redact("jane@example.com", "tollgate.redaction.replacement", "<{name} removed>"))
                .isEqualTo("<email removed>");
    }

    @Test
    void anInvalidPattern_isAProblemNamingItsProperty() {
        assertThatThrownBy(() -> redactors("tollgate.redaction.patterns.broken", "([a-z"))
                .isInstanceOf(TollgateConfigException.class)
                .hasMessageContaining("TOLLGATE-0055")
                .hasMessageContaining("'tollgate.redaction.patterns.broken'");
    }

    @Test
    void anUnknownBuiltInName_isAProblemNamingTheProperty() {
        assertThatThrownBy(() -> redactors("tollgate.redaction.builtin", "email,phone"))
                .isInstanceOf(TollgateConfigException.class)
                .hasMessageContaining("TOLLGATE-0056")
                .hasMessageContaining("'tollgate.redaction.builtin'")
                .hasMessageContaining("phone");
    }
}
