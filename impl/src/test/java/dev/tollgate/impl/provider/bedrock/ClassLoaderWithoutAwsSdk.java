package dev.tollgate.impl.provider.bedrock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Loads the engine's classes ({@code dev.tollgate.impl}) afresh and hides the AWS SDK, as the
 * class path of an application without the optional SDK artifacts would. Remembers every SDK
 * class that was asked for.
 */
final class ClassLoaderWithoutAwsSdk extends ClassLoader {
    private final List<String> sdkClassesAskedFor = new CopyOnWriteArrayList<>();

    ClassLoaderWithoutAwsSdk() {
        super(ClassLoaderWithoutAwsSdk.class.getClassLoader());
    }

    /** @return the names of the SDK classes that were asked for, in order */
    List<String> sdkClassesAskedFor() {
        return List.copyOf(sdkClassesAskedFor);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("software.amazon.awssdk.")) {
            sdkClassesAskedFor.add(name);
            throw new ClassNotFoundException(name);
        }
        if (!name.startsWith("dev.tollgate.impl.")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = bytesOf(name);
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private byte[] bytesOf(String className) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(className);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
