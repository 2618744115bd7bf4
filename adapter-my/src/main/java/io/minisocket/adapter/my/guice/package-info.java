/** Guice wiring for the Alipay facade: {@link io.minisocket.adapter.my.guice.MyModule}. */
package io.minisocket.adapter.my.guice;
