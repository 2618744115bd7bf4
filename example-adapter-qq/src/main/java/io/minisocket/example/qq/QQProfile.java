package io.minisocket.example.qq;

import io.minisocket.core.spi.HostPlatform;
import io.minisocket.core.spi.PlatformProfile;

/**
 * QQ's rules as data: the QQ host's base profile, where MiniSocket states QQ's facts once. Every difference from
 * another platform is a property of the profile; the facade has no platform logic of its own.
 */
final class QQProfile {
  /**
   * QQ mini-programs ({@link HostPlatform#QQ}): wss only (while the url check is on); at most 5 sockets;
   * {@code url} and {@code header} take effect and other options are ignored; results named as WeChat names them
   * ({@code errMsg}); the deprecated global API acts on the oldest socket that is not closed and keeps one handler
   * per event, as WeChat's; closing while connecting cancels the handshake; sends before open and past the queue
   * bound fail; {@code connectSocket}'s success runs once the request is accepted. An adapter whose platform differs
   * from its host in a rule derives a variant: {@code HostPlatform.QQ.profile().toBuilder().connectionLimit(2)
   * .build()}.
   */
  static final PlatformProfile PROFILE = HostPlatform.QQ.profile();

  private QQProfile() {}
}
