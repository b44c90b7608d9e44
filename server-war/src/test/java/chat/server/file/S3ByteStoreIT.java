package chat.server.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.ErrorCode;
import chat.server.error.ChatException;
import chat.testing.S3Server;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 store against a real S3-compatible server (Adobe's S3Mock, its own process): what goes in
 * comes out byte for byte, whether its length was declared or it came in parts, and a body past its
 * limit or broken off keeps nothing, not even a multipart upload.
 */
class S3ByteStoreIT {

  private static final long MIB = 1024 * 1024;

  @TempDir static Path dataDir;

  private static S3Server server;
  private static S3Client s3;
  private static S3ByteStore store;

  @BeforeAll
  static void startTheServer() {
    server = S3Server.start(dataDir);
    s3 = client(server);
    store = new S3ByteStore(s3, S3Server.BUCKET);
  }

  @AfterAll
  static void stopIt() {
    if (store != null) {
      store.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** A client as a node makes one, with the server's test credentials given, not read from the environment. */
  static S3Client client(S3Server server) {
    return S3Client.builder()
        .region(Region.of(S3Server.REGION))
        .endpointOverride(server.uri())
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  @Test
  void aDeclaredBodyGoesUpAsItIsAndComesBackTheSame() throws IOException {
    byte[] file = bytes(3 * MIB + 7);

    ByteStore.Stored stored = store.put(new ByteArrayInputStream(file), file.length, 25 * MIB);

    assertTrue(stored.key().startsWith("files/"), stored.key());
    assertEquals(file.length, stored.size());
    assertArrayEquals(file, read(stored.key()));
  }

  @Test
  void aChunkedBodyGoesUpInPartsAndComesBackTheSame() throws IOException {
    byte[] file = bytes(2 * S3ByteStore.PART_BYTES + 3);

    ByteStore.Stored stored = store.put(new ByteArrayInputStream(file), -1, 25 * MIB);

    assertEquals(file.length, stored.size());
    assertArrayEquals(file, read(stored.key()));
    assertEquals(List.of(), uploads(), "the multipart upload was completed");
    byte[] small = bytes(1000);
    assertArrayEquals(small, read(store.put(new ByteArrayInputStream(small), -1, 25 * MIB).key()), "and a small one in one piece");
  }

  @Test
  void aBodyOfExactlyTheLimitIsKeptAndOneByteMoreKeepsNothing() throws IOException {
    long most = 2L * S3ByteStore.PART_BYTES;
    byte[] exact = bytes(most);
    assertEquals(most, store.put(new ByteArrayInputStream(exact), -1, most).size());
    assertEquals(most, store.put(new ByteArrayInputStream(exact), most, most).size());
    assertEquals(1000, store.put(new ByteArrayInputStream(bytes(1000)), -1, 1000).size());

    Set<String> before = objects();
    byte[] over = bytes(most + 1);
    assertThrows(ByteStore.TooLarge.class, () -> store.put(new ByteArrayInputStream(over), -1, most));
    assertThrows(ByteStore.TooLarge.class, () -> store.put(new ByteArrayInputStream(over), over.length, most));
    assertThrows(ByteStore.TooLarge.class, () -> store.put(new ByteArrayInputStream(bytes(1001)), -1, 1000));
    assertEquals(before, objects(), "nothing of them kept");
    assertEquals(List.of(), uploads(), "no multipart upload left");
  }

  @Test
  void aBodyThatBreaksOffKeepsNothingAndLeavesNoUpload() {
    Set<String> before = objects();

    IOException chunked = assertThrows(IOException.class, () -> store.put(breakingAfter(7 * MIB), -1, 25 * MIB));
    assertFalse(chunked instanceof ByteStore.TooLarge);
    IOException declared = assertThrows(IOException.class, () -> store.put(breakingAfter(MIB), 3 * MIB, 25 * MIB));
    assertEquals("the client went away", declared.getMessage(), "the body's own failure, not the SDK's wrapping of it");
    assertThrows(IOException.class, () -> store.put(new ByteArrayInputStream(bytes(2 * MIB)), 3 * MIB, 25 * MIB), "shorter than declared");

    assertEquals(before, objects(), "nothing of them kept");
    assertEquals(List.of(), uploads(), "no multipart upload left");
  }

  @Test
  void aDeletedFileIsGoneAndDeletingAMissingOneIsNoError() throws IOException {
    String key = store.put(new ByteArrayInputStream(bytes(10)), 10, 100).key();

    store.delete(key);

    assertFalse(objects().contains(key));
    assertThrows(NoSuchKeyException.class, () -> s3.getObject(get -> get.bucket(S3Server.BUCKET).key(key)));
    store.delete(key);
    store.delete(S3ByteStore.PREFIX + "never-was");
  }

  @Test
  void theSweepAbortsUploadsBegunLongerAgoThanItIsGiven() {
    String key = S3ByteStore.PREFIX + "left-by-a-node-that-stopped";
    s3.createMultipartUpload(create -> create.bucket(S3Server.BUCKET).key(key));

    store.sweep(Duration.ofHours(1));
    assertEquals(List.of(key), uploads(), "begun just now: it may still be running");

    store.sweep(Duration.ZERO);
    assertEquals(List.of(), uploads());
  }

  @Test
  void s3FailingIsUnavailableToTheClient() {
    S3ByteStore nowhere = new S3ByteStore(s3, "no-such-bucket");

    ChatException put = assertThrows(ChatException.class, () -> nowhere.put(new ByteArrayInputStream(bytes(10)), 10, 100));
    assertEquals(ErrorCode.UNAVAILABLE, put.code());
    assertEquals(ErrorCode.UNAVAILABLE, assertThrows(ChatException.class, () -> nowhere.put(new ByteArrayInputStream(bytes(10)), -1, 100)).code());
    assertEquals(ErrorCode.UNAVAILABLE, assertThrows(ChatException.class, () -> nowhere.open(S3ByteStore.PREFIX + "x")).code());
    assertFalse(put.getMessage().contains("bucket"), "what S3 said goes to the log: " + put.getMessage());
  }

  private static byte[] read(String key) throws IOException {
    try (InputStream in = store.open(key)) {
      return in.readAllBytes();
    }
  }

  /** The bytes of a file, not all alike, so that a part out of place shows. */
  private static byte[] bytes(long count) {
    byte[] bytes = new byte[Math.toIntExact(count)];
    new Random(count).nextBytes(bytes);
    return bytes;
  }

  /** A body whose client goes away after {@code count} bytes. */
  private static InputStream breakingAfter(long count) {
    return new InputStream() {
      private long left = count;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] into, int offset, int length) throws IOException {
        if (left == 0) {
          throw new IOException("the client went away");
        }
        int given = (int) Math.min(length, left);
        left -= given;
        return given;
      }
    };
  }

  private static Set<String> objects() {
    return s3.listObjectsV2Paginator(list -> list.bucket(S3Server.BUCKET).prefix(S3ByteStore.PREFIX)).contents().stream()
        .map(S3Object::key)
        .collect(Collectors.toSet());
  }

  private static List<String> uploads() {
    return s3.listMultipartUploads(list -> list.bucket(S3Server.BUCKET)).uploads().stream().map(upload -> upload.key()).toList();
  }
}
