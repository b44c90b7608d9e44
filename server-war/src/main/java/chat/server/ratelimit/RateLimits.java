package chat.server.ratelimit;

import chat.dto.Rate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's rate limits (docs/configuration.md): one for every action that pushes frames to other
 * people or costs a password hash, each per user or per client address.
 */
@ApplicationScoped
public class RateLimits {

  private RateLimit messages;
  private RateLimit joins;
  private RateLimit rooms;
  private RateLimit social;
  private RateLimit deletions;
  private RateLimit edits;
  private RateLimit reactions;
  private RateLimit searches;
  private RateLimit uploads;
  private RateLimit downloads;
  private RateLimit moderation;
  private RateLimit profiles;
  private RateLimit reads;
  private RateLimit typing;
  private RateLimit signups;
  private RateLimit loginFailures;
  private RateLimit connections;
  private RateLimit services;

  protected RateLimits() {}

  @Inject
  RateLimits(
      @ConfigProperty(name = "chat.rate.messages", defaultValue = "20/10") String messages,
      @ConfigProperty(name = "chat.rate.joins", defaultValue = "60/10") String joins,
      @ConfigProperty(name = "chat.rate.rooms", defaultValue = "5/60") String rooms,
      @ConfigProperty(name = "chat.rate.social", defaultValue = "30/60") String social,
      @ConfigProperty(name = "chat.rate.deletions", defaultValue = "30/60") String deletions,
      @ConfigProperty(name = "chat.rate.edits", defaultValue = "30/60") String edits,
      @ConfigProperty(name = "chat.rate.reactions", defaultValue = "60/60") String reactions,
      @ConfigProperty(name = "chat.rate.searches", defaultValue = "30/60") String searches,
      @ConfigProperty(name = "chat.rate.uploads", defaultValue = "30/60") String uploads,
      @ConfigProperty(name = "chat.rate.downloads", defaultValue = "600/60") String downloads,
      @ConfigProperty(name = "chat.rate.moderation", defaultValue = "30/60") String moderation,
      @ConfigProperty(name = "chat.rate.profiles", defaultValue = "10/60") String profiles,
      @ConfigProperty(name = "chat.rate.reads", defaultValue = "60/10") String reads,
      @ConfigProperty(name = "chat.rate.typing", defaultValue = "30/10") String typing,
      @ConfigProperty(name = "chat.rate.signups", defaultValue = "5/600") String signups,
      @ConfigProperty(name = "chat.rate.login.failures", defaultValue = "10/60") String loginFailures,
      @ConfigProperty(name = "chat.rate.connections", defaultValue = "60/10") String connections,
      @ConfigProperty(name = "chat.rate.services", defaultValue = "100/1") String services) {
    this.messages = RateLimit.parse("messages", messages);
    this.joins = RateLimit.parse("joins and leaves", joins);
    this.rooms = RateLimit.parse("new rooms", rooms);
    this.social = RateLimit.parse("friend and block changes", social);
    this.deletions = RateLimit.parse("deletions", deletions);
    this.edits = RateLimit.parse("edits", edits);
    this.reactions = RateLimit.parse("reactions", reactions);
    this.searches = RateLimit.parse("searches", searches);
    this.uploads = RateLimit.parse("uploads", uploads);
    this.downloads = RateLimit.parse("file fetches", downloads);
    this.moderation = RateLimit.parse("room moderation", moderation);
    this.profiles = RateLimit.parse("profile changes", profiles);
    this.reads = RateLimit.parse("read markers, mutes, channel lists and member lists", reads);
    this.typing = RateLimit.parse("typing notices", typing);
    this.signups = RateLimit.parse("sign-ups from this address", signups);
    this.loginFailures = RateLimit.parse("failed logins from this address", loginFailures);
    this.connections = RateLimit.parse("connections from this address", connections);
    this.services = RateLimit.parse("calls with this API key", services);
  }

  /** Every limit, by the name the contract gives it, as a client may read it (welcome's limits). */
  public Map<String, Rate> rates() {
    Map<String, Rate> rates = new LinkedHashMap<>();
    rates.put("messages", messages.rate("user"));
    rates.put("joins", joins.rate("user"));
    rates.put("rooms", rooms.rate("user"));
    rates.put("social", social.rate("user"));
    rates.put("deletions", deletions.rate("user"));
    rates.put("edits", edits.rate("user"));
    rates.put("reactions", reactions.rate("user"));
    rates.put("searches", searches.rate("user"));
    rates.put("uploads", uploads.rate("user"));
    rates.put("downloads", downloads.rate("user"));
    rates.put("moderation", moderation.rate("user"));
    rates.put("profiles", profiles.rate("user"));
    rates.put("reads", reads.rate("user"));
    rates.put("typing", typing.rate("user"));
    rates.put("signups", signups.rate("address"));
    rates.put("loginFailures", loginFailures.rate("address"));
    rates.put("connections", connections.rate("address"));
    rates.put("services", services.rate("key"));
    return rates;
  }

  /** Room and direct messages, per user. */
  public RateLimit messages() {
    return messages;
  }

  /** {@code join_room} and {@code leave_room}, per user: each tells the room's members. */
  public RateLimit joins() {
    return joins;
  }

  /** Room creation, per user. */
  public RateLimit rooms() {
    return rooms;
  }

  /** Friend requests, removals, blocks and unblocks, per user: each tells the other user. */
  public RateLimit social() {
    return social;
  }

  /** Message deletions, per user: each tells everyone who could see the message. */
  public RateLimit deletions() {
    return deletions;
  }

  /** Edits, per user: each tells everyone who can see the message. */
  public RateLimit edits() {
    return edits;
  }

  /** Reactions added or taken back, per user: each tells everyone who can see the message. */
  public RateLimit reactions() {
    return reactions;
  }

  /** Searches, per user: each is a query over the index of every stored message, of up to a few seconds. */
  public RateLimit searches() {
    return searches;
  }

  /** Files uploaded, per user: each is stored, and read for its type. */
  public RateLimit uploads() {
    return uploads;
  }

  public RateLimit downloads() {
    return downloads;
  }

  /** A room's invitations, removals, moderators and silences, per user: each tells the member concerned. */
  public RateLimit moderation() {
    return moderation;
  }

  /** Profile changes, per user: each tells everyone who shares a room with the user. */
  public RateLimit profiles() {
    return profiles;
  }

  /** Read markers and mutes, each told to every socket of the user, and channel lists (a scan each), per user. */
  public RateLimit reads() {
    return reads;
  }

  /** Typing notices, per user: each is told to everyone in the channel. */
  public RateLimit typing() {
    return typing;
  }

  /** Server-to-server calls, per API key. */
  public RateLimit services() {
    return services;
  }

  /** Sign-ups, per address (see {@link AddressKey}): each costs a password hash. */
  public RateLimit signups() {
    return signups;
  }

  /** Failed logins, per address: past it, even the right password waits. */
  public RateLimit loginFailures() {
    return loginFailures;
  }

  /** New WebSocket connections, per address. */
  public RateLimit connections() {
    return connections;
  }
}
