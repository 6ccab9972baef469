package dev.tollgate.tck;

import dev.tollgate.api.LlmCall;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.interceptors.TollgateExtension;
import java.io.File;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds test deployments: a web archive holding one library of just the given classes, a
 * {@code beans.xml} and the deployment's own {@code microprofile-config.properties}.
 *
 * <p>Where the container does not provide Tollgate itself, set the system property
 * {@value #BUNDLE_LIBRARIES} to {@code true}: the Tollgate API, engine and CDI integration are
 * then bundled in {@code WEB-INF/lib}, as an application that uses Tollgate ships them, taken from
 * wherever the test class path has them (jars, or class directories of a reactor build). The jars
 * named in {@value #LIBRARIES} (separated by the platform's path separator) are bundled with
 * them: the optional libraries that some provider kits need, such as the AWS SDK's signer for
 * the {@code bedrock} kit.
 */
public final class TckDeployments {
    /** The system property that bundles the Tollgate libraries into every deployment. */
    public static final String BUNDLE_LIBRARIES = "tollgate.tck.bundle-libraries";
    /** The system property that lists further jars to bundle with the Tollgate libraries. */
    public static final String LIBRARIES = "tollgate.tck.libraries";
    /**
     * The system property that says the container provides OpenTelemetry (MicroProfile Telemetry);
     * otherwise, where the OpenTelemetry API is on the class path, every deployment gets the
     * {@link TckMeter} that MicroProfile Telemetry would provide.
     */
    public static final String OPENTELEMETRY_PROVIDED = "tollgate.tck.opentelemetry-provided";

    private TckDeployments() {
    }

    /**
     * @param name the archive name, unique per test class
     * @param config the configuration of the deployment
     * @param classes the test class and the beans it needs
     * @return the archive
     */
    public static WebArchive war(String name, TckConfig config, Class<?>... classes) {
        JavaArchive library = ShrinkWrap.create(JavaArchive.class, name + ".jar")
                .addClasses(classes)
                .addClasses(RecordCollector.class, Await.class)
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsManifestResource(new StringAsset(config.toProperties()), "microprofile-config.properties");
        if (!Boolean.getBoolean(OPENTELEMETRY_PROVIDED) && openTelemetryPresent()) {
            library.addClass(TckMeter.class);
        }
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war").addAsLibrary(library);
        if (Boolean.getBoolean(BUNDLE_LIBRARIES)) {
            war.addAsLibraries(library("tollgate-api.jar", LlmCall.class),
                    library("tollgate-impl.jar", Tollgate.class),
                    library("tollgate-interceptors.jar", TollgateExtension.class));
            for (String jar : System.getProperty(LIBRARIES, "").split(File.pathSeparator)) {
                if (!jar.isBlank()) {
                    war.addAsLibrary(new File(jar.strip()));
                }
            }
        }
        return war;
    }

    private static boolean openTelemetryPresent() {
        try {
            Class.forName("io.opentelemetry.api.metrics.Meter", false, TckDeployments.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
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
