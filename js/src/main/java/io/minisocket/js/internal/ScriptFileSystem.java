package io.minisocket.js.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * What ES modules may read: files, read-only, and the platform packages a mini-program imports by name — only
 * {@code @tarojs/taro} so far, whose default export is the global {@code Taro} — served from memory.
 */
final class ScriptFileSystem implements FileSystem {
  /** The packages a mini-program imports by name, to the global that stands for each. */
  static final Map<String, String> PACKAGES = Map.of("@tarojs/taro", "Taro");
  private static final Path PACKAGE_ROOT = Path.of("/minisocket-packages").toAbsolutePath();

  private final FileSystem files = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());

  private static String packageText(Path path) {
    if (!path.startsWith(PACKAGE_ROOT)) {
      return null;
    }
    String global = PACKAGES.get(PACKAGE_ROOT.relativize(path).toString().replace('\\', '/'));
    return global == null ? null : "export default globalThis." + global + ";\n";
  }

  @Override
  public Path parsePath(URI uri) {
    return files.parsePath(uri);
  }

  @Override
  public Path parsePath(String path) {
    return PACKAGES.containsKey(path) ? PACKAGE_ROOT.resolve(path) : files.parsePath(path);
  }

  @Override
  public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
    if (packageText(path) == null) {
      files.checkAccess(path, modes, linkOptions);
    }
  }

  @Override
  public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
    files.createDirectory(dir, attrs);
  }

  @Override
  public void delete(Path path) throws IOException {
    files.delete(path);
  }

  @Override
  public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
      throws IOException {
    String text = packageText(path);
    if (text == null) {
      return files.newByteChannel(path, options, attrs);
    }
    return new InMemoryChannel(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
      throws IOException {
    return files.newDirectoryStream(dir, filter);
  }

  @Override
  public Path toAbsolutePath(Path path) {
    return packageText(path) != null ? path : files.toAbsolutePath(path);
  }

  @Override
  public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
    return packageText(path) != null ? path : files.toRealPath(path, linkOptions);
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
    return files.readAttributes(path, attributes, options);
  }

  /** A read-only channel over bytes in memory. */
  private static final class InMemoryChannel implements SeekableByteChannel {
    private final byte[] bytes;
    private int position;
    private boolean open = true;

    InMemoryChannel(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read(java.nio.ByteBuffer dst) {
      if (position >= bytes.length) {
        return -1;
      }
      int n = Math.min(dst.remaining(), bytes.length - position);
      dst.put(bytes, position, n);
      position += n;
      return n;
    }

    @Override
    public int write(java.nio.ByteBuffer src) throws IOException {
      throw new IOException("read-only");
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
      position = (int) Math.min(newPosition, bytes.length);
      return this;
    }

    @Override
    public long size() {
      return bytes.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
      throw new IOException("read-only");
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
    }
  }
}
