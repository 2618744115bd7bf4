package io.minisocket.jmeter.internal;

import java.nio.file.Path;

/**
 * What a JavaScript scenario sampler asks for, as its properties give it; a sample whose spec differs from the
 * thread's running scenario starts a new one.
 *
 * @param platform the platform: wx, my, uni or taro
 * @param script   the JavaScript file
 * @param settings the platform's settings, {@code key=value} lines
 * @param config   the app configuration as JSON, or blank for the platform's default
 * @param trustPem a PEM file of certificates to trust, or blank for the JDK's trust store
 * @param trustAll accept every certificate (development only)
 * @param globals  global variables for the script, {@code NAME=value} lines
 */
public record ScenarioSpec(String platform, Path script, String settings, String config, String trustPem,
    boolean trustAll, String globals) {
}
