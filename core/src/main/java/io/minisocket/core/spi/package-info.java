/**
 * The service-provider interface for adapter and transport authors: {@link io.minisocket.core.spi.PlatformProfile}
 * (a platform's differences as data), {@link io.minisocket.core.spi.ResultStyle} and
 * {@link io.minisocket.core.spi.TransportProvider}.
 */
package io.minisocket.core.spi;
