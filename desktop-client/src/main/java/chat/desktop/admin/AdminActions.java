package chat.desktop.admin;

import chat.dto.AdminUser;
import chat.dto.ApiKey;
import chat.dto.BanResult;
import chat.dto.Bans;
import chat.dto.ClusterView;
import chat.dto.CreatedApiKey;
import java.util.List;

/** What the admin console asks of the server: the contract's ADMIN routes. */
public interface AdminActions {

  List<AdminUser> findUsers(String query);

  BanResult ban(String username, boolean withAddresses, String reason);

  String unban(String username);

  Bans bans();

  ClusterView cluster();

  void ping();

  CreatedApiKey createApiKey(String name, List<String> scopes);

  List<ApiKey> apiKeys();

  void revokeApiKey(long id);
}
