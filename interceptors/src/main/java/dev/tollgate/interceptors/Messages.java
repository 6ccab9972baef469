package dev.tollgate.interceptors;

/** Every warning and error text of the CDI integration, each with a stable id (0300–0399). */
final class Messages {
    private Messages() {
    }

    static String observerFailed() {
        return "TOLLGATE-0300: an observer of LlmCallRecord threw; the business call is not affected. "
                + "Later failures of this kind are logged at FINE";
    }

    static String asyncObserverFailed() {
        return "TOLLGATE-0301: an asynchronous observer of LlmCallRecord threw; the business call is not affected";
    }

    static String priorityInvalid(String value) {
        return "TOLLGATE-0302: property 'tollgate.interceptor.priority' has invalid value '" + value
                + "'; expected an integer. The default priority is used";
    }

    static String notStarted() {
        return "TOLLGATE-0303: Tollgate was not started; the deployment reported why";
    }
}
