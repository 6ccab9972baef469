package dev.tollgate.impl.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.Route;
import dev.tollgate.api.Target;
import org.junit.jupiter.api.Test;

class CallPointTest {
    private static final Target SIM = new Target("sim", null);

    @SuppressWarnings("unused")
    private static String routed(String prompt, Route route) {
        return prompt;
    }

    private static CallPoint point(String methodName, Class<?>... parameterTypes) throws Exception {
        return new CallPoint("Svc.ask", CallPointTest.class.getDeclaredMethod(methodName, parameterTypes), SIM);
    }

    @Test
    void routeParameter_isFoundOnce_andGivesEachInvocationItsRoute() throws Exception {
        CallPoint point = point("routed", String.class, Route.class);
        Route route = Route.parse("sim/a, sim/b");

        assertThat(point.routeParameter()).isEqualTo(1);
        assertThat(point.route(new Object[] {"Hi", route})).isSameAs(route);
        assertThat(point.route(new Object[] {"Hi", null})).isNull();
    }

    @Test
    void methodWithoutRouteParameter_givesNoRoute() throws Exception {
        CallPoint point = point("point", String.class, Class[].class);

        assertThat(point.routeParameter()).isEqualTo(-1);
        assertThat(point.route(new Object[] {"x", new Class<?>[0]})).isNull();
    }
}
