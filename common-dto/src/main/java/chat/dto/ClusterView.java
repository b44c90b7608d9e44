package chat.dto;

import java.util.List;

/** {@code GET /api/cluster}: the node that answered, and every member with its open sockets. */
public record ClusterView(String node, List<Member> members) {

  public record Member(String node, String address, int connections) {}
}
