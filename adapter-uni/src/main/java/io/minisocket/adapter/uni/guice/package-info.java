/** Guice wiring for {@link io.minisocket.adapter.uni.Uni}: {@link io.minisocket.adapter.uni.guice.UniModule}. */
package io.minisocket.adapter.uni.guice;
