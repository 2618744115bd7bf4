package io.minisocket.testkit;

import static io.minisocket.testkit.JdkClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The handshake and framing on the wire, with a raw socket as the client. */
class WireTest {

  /** A minimal client on a plain socket: writes what the test says, reads what the server sends. */
  static final class RawClient implements AutoCloseable {
    final Socket socket;
    final DataInputStream in;
    final OutputStream out;

    RawClient(int port) throws IOException {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout((int) WAIT.toMillis());
      in = new DataInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    }

    String exchange(String request) throws IOException {
      out.write(request.getBytes(StandardCharsets.UTF_8));
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.write(b);
      }
      return head.toString(StandardCharsets.UTF_8);
    }

    String upgrade(String extraHeaders) throws IOException {
      return exchange("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n");
    }

    void frame(boolean fin, int opcode, byte[] payload, boolean masked) throws IOException {
      ByteBuffer frame = ByteBuffer.allocate(14 + payload.length);
      frame.put((byte) ((fin ? 0x80 : 0) | opcode));
      int maskBit = masked ? 0x80 : 0;
      if (payload.length <= 125) {
        frame.put((byte) (maskBit | payload.length));
      } else {
        frame.put((byte) (maskBit | 126)).putShort((short) payload.length);
      }
      byte[] mask = {0x11, 0x22, 0x33, 0x44};
      if (masked) {
        frame.put(mask);
      }
      for (int i = 0; i < payload.length; i++) {
        frame.put(masked ? (byte) (payload[i] ^ mask[i & 3]) : payload[i]);
      }
      out.write(frame.array(), 0, frame.position());
      out.flush();
    }

    /** @return {opcode, payload...} of the next server frame */
    byte[] readFrame() throws IOException {
      int b0 = in.readUnsignedByte();
      int length = in.readUnsignedByte();
      assertThat(length & 0x80).as("server frames are not masked").isZero();
      if (length == 126) {
        length = in.readUnsignedShort();
      }
      byte[] frame = new byte[1 + length];
      frame[0] = (byte) (b0 & 0x0F);
      in.readFully(frame, 1, length);
      return frame;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static int closeCode(byte[] frame) {
    assertThat(frame[0]).as("close opcode").isEqualTo((byte) 0x8);
    return ((frame[1] & 0xFF) << 8) | (frame[2] & 0xFF);
  }

  @Test
  void answersTheRfcSampleKeyWithExtraHeaders() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder()
        .handshake(Handshake.acceptSubProtocols("chat").withHeader("X-Server", "mock")).start();
        RawClient client = new RawClient(server.port())) {
      String response = client.upgrade("Sec-WebSocket-Protocol: superchat, chat\r\n");
      assertThat(response).startsWith("HTTP/1.1 101 Switching Protocols\r\n")
          .contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n") // RFC 6455 section 1.3
          .contains("Sec-WebSocket-Protocol: chat\r\n")
          .contains("X-Server: mock\r\n");
      assertThat(server.takeRequest(WAIT).subProtocols()).containsExactly("superchat", "chat");
    }
  }

  @Test
  void badUpgradeRequestsGetHttpErrors() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().start()) {
      try (RawClient client = new RawClient(server.port())) {
        assertThat(client.exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400 ");
      }
      try (RawClient client = new RawClient(server.port())) {
        assertThat(client.exchange("POST /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"))
            .startsWith("HTTP/1.1 405 ").contains("Allow: GET");
      }
      try (RawClient client = new RawClient(server.port())) {
        assertThat(client.exchange("GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n"))
            .startsWith("HTTP/1.1 426 ").contains("Sec-WebSocket-Version: 13");
      }
      assertThat(server.requests()).extracting(RecordedRequest::method).containsExactly("GET", "POST", "GET");
    }
  }

  @Test
  void joinsFragmentsAnswersPingsAndEchoesCloseFrames() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().start();
        RawClient client = new RawClient(server.port())) {
      client.upgrade("");
      client.frame(false, 0x1, utf8("hel"), true);
      client.frame(true, 0x9, utf8("p"), true); // a ping between fragments
      client.frame(true, 0x0, utf8("lo"), true);
      assertThat(client.readFrame()).containsExactly(0xA, 'p');
      assertThat(client.readFrame()).containsExactly(0x1, 'h', 'e', 'l', 'l', 'o');
      assertThat(server.takeMessage(WAIT)).isEqualTo(RecordedMessage.text("hello"));

      client.frame(true, 0x8, new byte[0], true);
      assertThat(client.readFrame()).containsExactly(0x8); // empty close answered with an empty close
      assertThat(server.awaitClose(WAIT)).isEqualTo(new RecordedClose(1, RecordedClose.NO_STATUS, ""));
      assertThat(client.in.read()).isEqualTo(-1); // then the server closes the TCP connection
    }
  }

  @Test
  void protocolViolationsAreClosedWithTheRightCode() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().maxMessageSize(10).start()) {
      try (RawClient client = new RawClient(server.port())) {
        client.upgrade("");
        client.frame(true, 0x1, utf8("x"), false);
        assertThat(closeCode(client.readFrame())).isEqualTo(1002);
      }
      try (RawClient client = new RawClient(server.port())) {
        client.upgrade("");
        client.frame(true, 0x1, new byte[] {(byte) 0xC3, (byte) 0x28}, true);
        assertThat(closeCode(client.readFrame())).isEqualTo(1007);
      }
      try (RawClient client = new RawClient(server.port())) {
        client.upgrade("");
        client.frame(true, 0x2, new byte[11], true);
        assertThat(closeCode(client.readFrame())).isEqualTo(1009);
      }
      server.awaitDisconnect(WAIT);
      assertThat(server.connections()).extracting(ServerConnection::failure)
          .allSatisfy(failure -> assertThat(failure).isNotNull())
          .anySatisfy(failure -> assertThat(failure).contains("not masked"));
      assertThat(server.received()).isEmpty();
    }
  }

  @Test
  void aClosingReasonIsSentAsGiven() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder()
        .script(Script.silent().closeOnOpen(1005, "reserved code on purpose")).start();
        RawClient client = new RawClient(server.port())) {
      client.upgrade("");
      byte[] close = client.readFrame();
      assertThat(closeCode(close)).isEqualTo(1005);
      assertThat(new String(Arrays.copyOfRange(close, 3, close.length), StandardCharsets.UTF_8))
          .isEqualTo("reserved code on purpose");
    }
  }
}
