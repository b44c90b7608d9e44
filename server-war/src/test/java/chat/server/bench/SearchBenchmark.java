package chat.server.bench;

import chat.dto.Authenticated;
import chat.dto.SearchResults;
import chat.server.testing.ChatHttp;
import chat.server.testing.HttpReply;
import chat.testing.OneNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search on a million stored messages (docs/benchmarks.md, "Search"): the database is filled behind the
 * node's back, in rooms of which the searcher has joined a tenth, with words drawn so that some are in
 * most messages and some in a few; then each kind of query is asked through the node's REST route, as a
 * client asks it, and timed from the client. PostgreSQL's own count of
 * scans shows the index at work and the table never scanned. {@code -Dbench.messages} and {@code -Dbench.rooms} change the size.
 */
class SearchBenchmark {

  private static final int MESSAGES = Integer.getInteger("bench.messages", 1_000_000);
  private static final int ROOMS = Integer.getInteger("bench.rooms", 200);
  private static final int JOINED = Math.max(1, ROOMS / 10);
  private static final int SENDERS = 100;
  private static final int RUNS = Integer.getInteger("bench.runs", 30);

  /** Runs of each query before those timed: the node's JIT and PostgreSQL's cache warm on them. */
  private static final int WARM_UP = 10;

  /**
   * The words of the messages, the first the most frequent: a word's place p of n is drawn with
   * probability about 1/(2 sqrt(p n)), so "the" is in most messages and the last ones in few.
   */
  private static final String WORDS =
      "the a to and of i you it is in that for on we this be with have are not can do at so if but just me what"
          + " all my will was from they get our out up about know like think one time there when how now good"
          + " yes no here see go would should could then need more some work make any new also been want which"
          + " really back well let right going sure okay thanks today tomorrow meeting deploy build test review"
          + " merge release branch server client database query index cluster node room message chat user team"
          + " project issue bug fix feature code change push pull ticket sprint demo lunch coffee call later soon"
          + " done ready";

  @TempDir Path dataDir;

  @Test
  void measure() throws Exception {
    try (OneNode node = OneNode.start(dataDir, "node-search", Map.of("CHAT_RATE_SEARCHES", "100000/1"))) {
      ChatHttp http = new ChatHttp(node.uri());
      Authenticated searcher = http.signUp("searcher", "searcher-password");
      String fill;
      try (Connection connection = node.dataSource().getConnection(); Statement sql = connection.createStatement()) {
        fill = fill(sql, searcher.user().id());
      }
      Map<String, String> queries = new LinkedHashMap<>();
      queries.put("a rare word (about 1 in 10,000 messages)", "q=zanzibar");
      queries.put("a word in 1 % of messages", "q=quarterly");
      queries.put("a word in about 5 %", "q=deploy");
      queries.put("two words, in about 0.3 %", "q=" + encode("deploy review"));
      queries.put("a phrase", "q=" + encode("\"merge the\""));
      queries.put("a word in most messages (the worst)", "q=the");
      queries.put("the same, in one room", "q=the&room=search-0");
      queries.put("a word in 1 %, from one sender", "q=quarterly&from=sender-7");
      queries.put("a word in about 5 %, page 2 by cursor", "q=deploy&before=");
      long[] before = scans(node);
      StringBuilder report = new StringBuilder();
      report.append("search: %d messages in %d rooms, the searcher in %d of them; %d runs of each query after %d untimed, timed at the client%n%s%n"
          .formatted(MESSAGES, ROOMS, JOINED, RUNS, WARM_UP, fill));
      report.append("| query | results in a page | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n");
      for (Map.Entry<String, String> query : queries.entrySet()) {
        String asked = query.getValue();
        if (asked.endsWith("before=")) {
          asked += http.get("/api/search?q=deploy", searcher.token()).as(SearchResults.class).before();
        }
        long[] nanos = new long[RUNS];
        int found = 0;
        for (int i = -WARM_UP; i < RUNS; i++) {
          long start = System.nanoTime();
          HttpReply reply = http.get("/api/search?" + asked, searcher.token());
          if (i >= 0) {
            nanos[i] = System.nanoTime() - start;
          }
          if (reply.status() != 200) {
            throw new AssertionError(query.getKey() + ": " + reply.status() + " " + reply.body());
          }
          found = reply.as(SearchResults.class).results().size();
        }
        Arrays.sort(nanos);
        report.append("| %s | %d | %.1f | %.1f | %.1f |%n".formatted(query.getKey(), found,
            BenchNode.percentileMillis(nanos, 0.5), BenchNode.percentileMillis(nanos, 0.95), BenchNode.percentileMillis(nanos, 1.0)));
      }
      long[] after = scans(node);
      // The statistics collector reports a moment late: what it has so far is a floor.
      report.append("%nscans of the search index during the queries: %d; sequential scans of the message table: %d%n"
          .formatted(after[0] - before[0], after[1] - before[1]));
      BenchNode.report("search.txt", report.toString());
    }
  }

  /** Fills the database behind the node's back; answers what it took and how large the index is. */
  private static String fill(Statement sql, long searcherId) throws Exception {
    long start = System.nanoTime();
    sql.execute("INSERT INTO account (username, password_hash, display_name) SELECT 'sender-' || g, repeat('x', 60), 'Sender ' || g"
        + " FROM generate_series(1, " + SENDERS + ") g");
    sql.execute("INSERT INTO room (name, created_by) SELECT 'search-' || g, " + searcherId + " FROM generate_series(0, " + (ROOMS - 1) + ") g");
    sql.execute("INSERT INTO room_member (room_id, account_id) SELECT id, " + searcherId + " FROM room WHERE name LIKE 'search-%'"
        + " AND substring(name FROM 8)::int < " + JOINED);
    sql.execute(
        """
        CREATE FUNCTION pg_temp.sentence(n int, rare boolean, medium boolean) RETURNS text LANGUAGE sql VOLATILE AS $$
          SELECT string_agg(v[1 + floor(power(random(), 2) * array_length(v, 1))::int], ' ')
              || CASE WHEN rare THEN ' zanzibar' ELSE '' END || CASE WHEN medium THEN ' quarterly' ELSE '' END
          FROM (SELECT string_to_array('%s', ' ') AS v) words, generate_series(1, n) $$
        """.formatted(WORDS));
    // The index is built once over the whole table, as the migration builds it over an existing one.
    sql.execute("DROP INDEX message_search");
    sql.execute(
        """
        INSERT INTO message (room_id, seq, sender_id, body, sent_at)
        SELECT r.id, g / %1$d + 1, s.id, pg_temp.sentence(6 + g %% 15, g %% 10007 = 0, g %% 101 = 0),
          now() - make_interval(secs => %2$d - g)
        FROM generate_series(0, %2$d - 1) g
          JOIN room r ON r.name = 'search-' || (g %% %1$d)
          JOIN account s ON s.username = 'sender-' || (1 + g %% %3$d)
        """.formatted(ROOMS, MESSAGES, SENDERS));
    sql.execute("UPDATE room r SET last_seq = m.top FROM (SELECT room_id, max(seq) AS top FROM message GROUP BY room_id) m WHERE m.room_id = r.id");
    long filled = System.nanoTime();
    sql.execute("CREATE INDEX message_search ON message USING gin (to_tsvector('simple'::regconfig, body))"
        + " WITH (fastupdate = off) WHERE deleted_at IS NULL");
    long indexed = System.nanoTime();
    sql.execute("ANALYZE");
    try (ResultSet sizes = sql.executeQuery("SELECT pg_size_pretty(pg_relation_size('message')), pg_size_pretty(pg_relation_size('message_search'))")) {
      sizes.next();
      return "filled in %.0f s; the index built in %.0f s (the migration on such a table); table %s, index %s"
          .formatted((filled - start) / 1e9, (indexed - filled) / 1e9, sizes.getString(1), sizes.getString(2));
    }
  }

  /** How many scans of the search index PostgreSQL counted, and of the message table as a whole. */
  private static long[] scans(OneNode node) throws Exception {
    try (Connection connection = node.dataSource().getConnection();
        Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery(
            "SELECT (SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = 'message_search'),"
                + " (SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'message')")) {
      row.next();
      return new long[] {row.getLong(1), row.getLong(2)};
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
