/**
 * An example third-party adapter: the QQ mini-program's {@code qq.connectSocket} ({@link io.minisocket.example.qq.QQ}),
 * written against MiniSocket's public API and SPI only, and proven with the contract test kit. See
 * {@code docs/custom-adapter.md}.
 */
package io.minisocket.example.qq;
