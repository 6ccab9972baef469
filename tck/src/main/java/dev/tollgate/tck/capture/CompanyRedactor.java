package dev.tollgate.tck.capture;

import dev.tollgate.api.spi.PromptRedactor;
import jakarta.enterprise.context.ApplicationScoped;

/** An application's redactor, which runs after the built-in ones. */
@ApplicationScoped
public class CompanyRedactor implements PromptRedactor {
    @Override
    public String redact(String text) {
        return text.replace("[email]", "[contact]").replace("ACME", "[company]");
    }
}
