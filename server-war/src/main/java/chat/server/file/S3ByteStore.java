package chat.server.file;

import chat.server.error.ChatException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;

/**
 * Files' bytes in an S3 bucket, the store on AWS (docs/decisions/0035), each object under
 * {@code files/} and a random name that says nothing of its file. A body whose length is declared goes
 * up as one streamed PutObject, which S3 keeps whole or not at all; a chunked one as a multipart
 * upload of {@link #PART_BYTES} parts, the one thing a request holds in memory, aborted on any failure.
 * An upload a node could not abort (it stopped mid-way) is aborted by {@link #sweep}, and after a day
 * by the bucket's lifecycle rule (terraform/). A failure of S3 is {@code unavailable} to the client,
 * what S3 said going to the log.
 */
final class S3ByteStore implements ByteStore, AutoCloseable {

  /** S3's smallest part but the last: the most a chunked upload holds in memory. */
  static final int PART_BYTES = 5 * 1024 * 1024;

  static final String PREFIX = "files/";

  private final S3Client s3;
  private final String bucket;

  S3ByteStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /**
   * A store on {@code bucket} with the SDK's default credentials (the instance role on AWS); an
   * {@code endpoint} is an S3-compatible server's, reached by path (bucket in the path, not the host).
   */
  static S3ByteStore of(String bucket, String region, Optional<String> endpoint) {
    S3ClientBuilder builder = S3Client.builder().region(Region.of(region)).httpClientBuilder(UrlConnectionHttpClient.builder());
    endpoint.ifPresent(uri -> builder.endpointOverride(URI.create(uri)).forcePathStyle(true));
    return new S3ByteStore(builder.build(), bucket);
  }

  @Override
  public Stored put(InputStream in, long declared, long most) throws IOException {
    if (declared > most) {
      throw new TooLarge(most);
    }
    String key = PREFIX + UUID.randomUUID();
    return declared >= 0 ? putWhole(key, in, declared) : putInParts(key, in, most);
  }

  private Stored putWhole(String key, InputStream in, long declared) throws IOException {
    Watched body = new Watched(in, declared);
    try {
      s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromInputStream(body, declared));
    } catch (RuntimeException e) {
      // The SDK tries again after any failure, the client's too, and fails its own way when the body
      // cannot be read again.
      if (body.failure() != null) {
        body.failure().addSuppressed(e);
        throw body.failure();
      }
      if (e instanceof SdkException sdk) {
        throw failed("store a file", sdk);
      }
      throw e;
    }
    return new Stored(key, declared);
  }

  private Stored putInParts(String key, InputStream in, long most) throws IOException {
    byte[] part = new byte[PART_BYTES];
    // Fewer bytes than one part: no multipart upload for the many small files.
    int filled = in.readNBytes(part, 0, (int) Math.min(PART_BYTES, most + 1));
    if (filled > most) {
      throw new TooLarge(most);
    }
    if (filled < PART_BYTES) {
      try {
        s3.putObject(put -> put.bucket(bucket).key(key), filledPart(part, filled));
      } catch (SdkException e) {
        throw failed("store a file", e);
      }
      return new Stored(key, filled);
    }
    String upload;
    try {
      upload = s3.createMultipartUpload(create -> create.bucket(bucket).key(key)).uploadId();
    } catch (SdkException e) {
      throw failed("begin an upload", e);
    }
    try {
      List<CompletedPart> parts = new ArrayList<>();
      long size = 0;
      while (filled > 0) {
        size += filled;
        if (size > most) {
          throw new TooLarge(most);
        }
        int number = parts.size() + 1;
        String tag =
            s3.uploadPart(each -> each.bucket(bucket).key(key).uploadId(upload).partNumber(number), filledPart(part, filled)).eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(tag).build());
        // At most one byte past the limit is read: enough to tell a body that runs past it.
        filled = in.readNBytes(part, 0, (int) Math.min(PART_BYTES, most + 1 - size));
      }
      s3.completeMultipartUpload(
          complete -> complete.bucket(bucket).key(key).uploadId(upload).multipartUpload(done -> done.parts(parts)));
      return new Stored(key, size);
    } catch (IOException | RuntimeException e) {
      abort(key, upload, e);
      if (e instanceof SdkException sdk) {
        throw failed("store a file", sdk);
      }
      throw e;
    }
  }

  /** The first {@code filled} bytes of {@code part}, not copied (as {@code RequestBody.fromBytes} would). */
  private static RequestBody filledPart(byte[] part, int filled) {
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(part, 0, filled), filled, "application/octet-stream");
  }

  private void abort(String key, String upload, Exception cause) {
    try {
      s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(upload));
    } catch (SdkException e) {
      // The sweep, or the bucket's lifecycle rule, aborts it later.
      cause.addSuppressed(e);
    }
  }

  @Override
  public InputStream open(String key) {
    try {
      return s3.getObject(get -> get.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw failed("read a file", e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      s3.deleteObject(delete -> delete.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw failed("delete a file", e);
    }
  }

  /**
   * Aborts the multipart uploads under {@link #PREFIX} begun longer than {@code ago}: their nodes
   * stopped mid-way. A whole object whose file row never came (its node stopped between the two)
   * stays, as in the database store: nothing reads it, and it is rare.
   */
  @Override
  public void sweep(Duration ago) {
    Instant before = Instant.now().minus(ago);
    try {
      for (MultipartUpload upload : s3.listMultipartUploadsPaginator(list -> list.bucket(bucket).prefix(PREFIX)).uploads()) {
        if (upload.initiated().isBefore(before)) {
          try {
            s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
          } catch (NoSuchUploadException e) {
            // Another node's cleaner aborted it first.
          }
        }
      }
    } catch (SdkException e) {
      throw failed("sweep uploads that never ended", e);
    }
  }

  private static ChatException failed(String what, SdkException e) {
    return ChatException.unavailable("S3 failed to " + what, e);
  }

  @Override
  public void close() {
    s3.close();
  }

  /**
   * A declared body as the SDK reads it, to tell S3's failure from the body's: a read that failed (the
   * client gone, a limit of the upload's), or an end before the declared length (its connection closed
   * early).
   */
  private static final class Watched extends FilterInputStream {
    private final long declared;
    private long count;
    private long marked;
    private IOException failure;

    Watched(InputStream in, long declared) {
      super(in);
      this.declared = declared;
    }

    /** How the body failed, the first time: null while it has not. */
    IOException failure() {
      return failure;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      int read;
      try {
        read = super.read(into, offset, length);
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        }
        throw e;
      }
      if (read < 0 && length > 0 && count < declared && failure == null) {
        failure = new IOException("the body ended after " + count + " of its " + declared + " bytes");
      }
      count += Math.max(read, 0);
      return read;
    }

    // The SDK marks the body to send it again on a retry.
    @Override
    public synchronized void mark(int limit) {
      super.mark(limit);
      marked = count;
    }

    @Override
    public synchronized void reset() throws IOException {
      super.reset();
      count = marked;
    }
  }
}
