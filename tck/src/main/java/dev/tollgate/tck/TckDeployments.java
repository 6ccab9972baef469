package dev.tollgate.tck;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds test deployments: a web archive holding one library of just the given classes, a
 * {@code beans.xml} and the deployment's own {@code microprofile-config.properties}. Tollgate
 * itself is not in it; the container provides it (see {@code tck/README.md}).
 */
public final class TckDeployments {
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
        return ShrinkWrap.create(WebArchive.class, name + ".war").addAsLibrary(library);
    }
}
