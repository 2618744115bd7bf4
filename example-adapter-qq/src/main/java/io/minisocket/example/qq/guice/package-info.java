/** Guice wiring for {@link io.minisocket.example.qq.QQ}; Guice is an optional dependency. */
package io.minisocket.example.qq.guice;
