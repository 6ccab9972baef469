package dev.tollgate.interceptors;

import java.lang.reflect.Method;

/**
 * Identifies an interception point: the same inherited method may carry different metadata in
 * two bean classes.
 *
 * @param beanClass the bean class
 * @param method the intercepted method
 */
record CallPointKey(Class<?> beanClass, Method method) {
}
