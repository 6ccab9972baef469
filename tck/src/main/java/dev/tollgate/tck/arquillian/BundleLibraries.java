package dev.tollgate.tck.arquillian;

import dev.tollgate.api.LlmCall;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.interceptors.TollgateExtension;
import java.io.File;
import java.net.URISyntaxException;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Bundles the Tollgate API, engine and CDI integration into each web archive, as an application
 * that uses Tollgate ships them in {@code WEB-INF/lib}. Takes them from wherever the test class
 * path has them: jars, or class directories of a reactor build.
 */
public class BundleLibraries implements ApplicationArchiveProcessor {
    /** The system property that turns bundling on. */
    public static final String PROPERTY = "tollgate.tck.bundle-libraries";

    @Override
    public void process(Archive<?> applicationArchive, TestClass testClass) {
        if (applicationArchive instanceof WebArchive war) {
            war.addAsLibraries(library("tollgate-api.jar", LlmCall.class),
                    library("tollgate-impl.jar", Tollgate.class),
                    library("tollgate-interceptors.jar", TollgateExtension.class));
        }
    }

    private static JavaArchive library(String name, Class<?> member) {
        File location;
        try {
            location = new File(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + member.getName(), e);
        }
        if (location.isDirectory()) {
            return ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(location).as(JavaArchive.class);
        }
        return ShrinkWrap.create(ZipImporter.class, name).importFrom(location).as(JavaArchive.class);
    }
}
