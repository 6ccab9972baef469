package dev.tollgate.tck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
public class ProviderSelectionTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployments.war("provider-selection", TckConfig.standard(), ProviderSelectionTest.class,
                RoutedService.class);
    }

    @Inject
    RoutedService routed;

    @Test
    public void noAnnotationMembers_useTheDefaultProviderAndItsModel() {
        ChatResponse r = routed.byDefault();

        assertEquals("openai", r.provider());
        assertEquals("tck-plain-2025-01-01", r.model());
    }

    @Test
    public void annotationProvider_isUsedWithThatProvidersModel() {
        ChatResponse r = routed.onSimulated();

        assertEquals("sim", r.provider());
        assertEquals("sim-model", r.model());
    }

    @Test
    public void annotationModel_isUsed() {
        assertEquals("tck-cached", routed.onOpenAiModel().model());
    }

    @Test
    public void requestNamingAnotherProvider_doesNotInheritTheAnnotationModel() {
        ChatResponse r = routed.requestOverridesTheAnnotation();

        assertEquals("sim", r.provider());
        assertEquals("sim-model", r.model());
    }
}
