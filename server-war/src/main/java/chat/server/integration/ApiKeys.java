package chat.server.integration;

import chat.dto.ApiKey;
import chat.dto.CreatedApiKey;
import chat.dto.NewApiKey;
import chat.dto.User;
import chat.server.account.AccountService;
import chat.server.error.ChatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Making, listing, revoking and checking API keys. A key reads {@code chk_<id>_<secret>}: the id finds
 * its row, the secret (32 random bytes) is compared by its SHA-256. A fast hash is enough for a secret
 * of 256 random bits, where a password hash would only slow every call (docs/decisions/0019).
 */
@ApplicationScoped
public class ApiKeys {

  private static final Pattern KEY = Pattern.compile("chk_([0-9]{1,18})_([A-Za-z0-9_-]{43})");
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final int SECRET_BYTES = 32;

  /**
   * How often a key's last use is written: to the minute. Written on every call, it cost each call a
   * commit of its own (an fsync): 3 ms of a service post's 16 at the median, 10 of its 39 at p99.
   */
  private static final Duration RECORD_USE_EVERY = Duration.ofMinutes(1);

  private final SecureRandom random = new SecureRandom();
  /** When this node last wrote each key's last use. */
  private final Map<Long, Instant> useRecorded = new ConcurrentHashMap<>();
  private ApiKeyStore store;
  private AccountService accounts;

  protected ApiKeys() {}

  @Inject
  ApiKeys(ApiKeyStore store, AccountService accounts) {
    this.store = store;
    this.accounts = accounts;
  }

  /** A new key for the named service (made on its first key); the secret is in this answer only. */
  public CreatedApiKey create(User admin, NewApiKey request) {
    if (request == null || request.name() == null || request.scopes() == null || request.scopes().isEmpty()) {
      throw ChatException.invalid("send {\"name\": ..., \"scopes\": [\"rooms:publish\" | \"users:notify\", ...]}");
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String scope : request.scopes()) {
      scopes.add(Scope.parse(scope));
    }
    User service = accounts.service(request.name());
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    String encoded = BASE64URL.encodeToString(secret);
    List<String> wire = scopes.stream().map(Scope::wire).toList();
    long id = store.insert(service.id(), wire, sha256(encoded), admin.id());
    ApiKey key = store.active(id).orElseThrow().key();
    return new CreatedApiKey(key, "chk_" + id + "_" + encoded);
  }

  public List<ApiKey> list() {
    return store.active();
  }

  public void revoke(String id) {
    long keyId;
    try {
      keyId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ChatException.notFound("no API key " + id);
    }
    if (!store.revoke(keyId)) {
      throw ChatException.notFound("no API key " + id + ", or it was revoked already");
    }
  }

  /** The caller a key stands for; a malformed, unknown, wrong or revoked key is refused alike (401). */
  ServiceCaller authenticate(String key) {
    Matcher parts = key == null ? null : KEY.matcher(key);
    if (parts == null || !parts.matches()) {
      throw ChatException.unauthorized("an API key is required: Authorization: ApiKey chk_...");
    }
    Optional<ApiKeyStore.StoredKey> stored = store.active(Long.parseLong(parts.group(1)));
    byte[] offered = sha256(parts.group(2));
    if (stored.isEmpty() || !MessageDigest.isEqual(offered, stored.get().secretHash())) {
      throw ChatException.unauthorized("this API key is not valid, or was revoked");
    }
    ApiKey found = stored.get().key();
    recordUse(found.id());
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    found.scopes().forEach(scope -> scopes.add(Scope.parse(scope)));
    return new ServiceCaller(found.id(), scopes, found.service());
  }

  private void recordUse(long keyId) {
    Instant now = Instant.now();
    Instant before = useRecorded.get(keyId);
    if (before == null || before.plus(RECORD_USE_EVERY).isBefore(now)) {
      useRecorded.put(keyId, now);
      store.used(keyId);
    }
  }

  private static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
