/**
 * Guice wiring for the Taro facade. Guice is an optional dependency: only users of this package need it.
 */
package io.minisocket.adapter.taro.guice;
