package chat.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random secret a node makes once and keeps in a file only its owner can read, so it survives a
 * restart: the token key, the embedded database's password. Written whole or not at all.
 */
public final class SecretFile {

  private SecretFile() {}

  /** The secret in {@code file}, made (32 random bytes, base64url) when there is none yet. */
  public static String readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      Files.createDirectories(file.getParent());
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(temporary, encoded);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      return encoded;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep a secret in " + file, e);
    }
  }
}
