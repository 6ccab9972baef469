package dev.tollgate.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST application, under {@code /api}. */
@ApplicationPath("/api")
public class SampleApplication extends Application {
}
