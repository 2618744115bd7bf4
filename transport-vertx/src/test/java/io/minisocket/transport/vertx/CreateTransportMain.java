package io.minisocket.transport.vertx;

/**
 * Run in a child JVM by {@link NettyVersionCheckTest}: creates a transport the way a user would and prints what
 * happened, {@code created} or the exception's class and message, then exits 0 or 1.
 */
public final class CreateTransportMain {
  private CreateTransportMain() {}

  /**
   * @param args ignored
   */
  public static void main(String[] args) {
    try (VertxTransport transport = VertxTransport.create()) {
      System.out.println("created " + transport);
    } catch (Throwable t) { // a NoClassDefFoundError is exactly what the test looks for
      System.out.println(t.getClass().getName() + ": " + t.getMessage());
      System.exit(1);
    }
  }
}
