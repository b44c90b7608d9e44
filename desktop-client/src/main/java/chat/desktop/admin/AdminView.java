package chat.desktop.admin;

import chat.desktop.Cells;
import chat.desktop.Styles;
import chat.desktop.UserLabels;
import chat.desktop.View;
import chat.dto.AdminUser;
import chat.dto.ApiKey;
import chat.dto.Bans;
import chat.dto.ClusterView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The admin console: users and bans, the bans in force, the cluster and the ping. */
public final class AdminView implements View {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final AdminViewModel model;

  public AdminView(AdminViewModel model) {
    this.model = model;
  }

  @Override
  public Parent createView() {
    TabPane tabs =
        new TabPane(
            new Tab("Users", users()), new Tab("Bans", bans()), new Tab("API keys", keys()), new Tab("Cluster", cluster()));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    Label notice = new Label();
    notice.setId("adminNotice");
    notice.setWrapText(true);
    notice.textProperty().bind(model.notice());
    VBox page = new VBox(8, tabs, notice);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    page.setPadding(new Insets(8));
    return page;
  }

  private VBox users() {
    TextField query = new TextField();
    query.setId("adminQuery");
    query.setPromptText("Find users by name");
    query.textProperty().bindBidirectional(model.query());
    query.setOnAction(e -> model.find());
    HBox.setHgrow(query, Priority.ALWAYS);
    Button find = new Button("Find");
    find.setId("adminFind");
    find.setOnAction(e -> model.find());

    ListView<AdminUser> users =
        list("adminUsers", model.users(), u -> UserLabels.name(u.displayName(), u.username()) + "  ·  " + u.role()
            + (u.online() ? "  ·  online" : "  ·  offline")
            + (u.banned() ? "  ·  BANNED" : "")
            + (u.lastIps().isEmpty() ? "" : "  ·  " + String.join(", ", u.lastIps())));

    TextField reason = new TextField();
    reason.setId("banReason");
    reason.setPromptText("Reason for the ban");
    reason.textProperty().bindBidirectional(model.reason());
    HBox.setHgrow(reason, Priority.ALWAYS);
    CheckBox addresses = new CheckBox("Ban their addresses too");
    addresses.setId("banAddresses");
    addresses.selectedProperty().bindBidirectional(model.banAddresses());
    Button ban = new Button("Ban");
    ban.setId("ban");
    ban.getStyleClass().add(Styles.DANGER);
    ban.setOnAction(e -> selected(users, model::ban));
    Button unban = new Button("Unban");
    unban.setId("unban");
    unban.setOnAction(e -> selected(users, u -> model.unban(u.username())));
    ban.disableProperty().bind(users.getSelectionModel().selectedItemProperty().isNull());
    unban.disableProperty().bind(users.getSelectionModel().selectedItemProperty().isNull());

    VBox box = new VBox(8, new HBox(6, query, find), users, reason, new HBox(8, addresses, ban, unban));
    box.setPadding(new Insets(8));
    return box;
  }

  private VBox bans() {
    ListView<Bans.UserBan> users =
        list("userBans", model.userBans(), b -> b.user().username() + ": " + b.reason() + " (by " + b.bannedBy() + ")");
    ListView<Bans.AddressBan> addresses =
        list("addressBans", model.addressBans(), b -> b.address() + (b.user() == null ? "" : " (" + b.user() + ")") + ": " + b.reason());
    Button refresh = new Button("Refresh");
    refresh.setOnAction(e -> model.refreshBans());
    Button unban = new Button("Unban");
    unban.setOnAction(
        e -> {
          Bans.UserBan ban = users.getSelectionModel().getSelectedItem();
          if (ban != null) {
            model.unban(ban.user().username());
          }
        });
    VBox box = new VBox(8, new Label("Users"), users, new Label("Addresses"), addresses, new HBox(8, refresh, unban));
    box.setPadding(new Insets(8));
    return box;
  }

  /** Keys for other services: make one (its secret shows once, selectable), list them, revoke one. */
  private VBox keys() {
    ListView<ApiKey> keys =
        list("apiKeys", model.keys(), k -> k.id() + "  ·  " + k.name() + "  ·  " + String.join(", ", k.scopes())
            + "  ·  made " + DAY.format(k.createdAt())
            + "  ·  " + (k.lastUsedAt() == null ? "never used" : "last used " + DAY.format(k.lastUsedAt())));
    TextField name = new TextField();
    name.setId("keyName");
    name.setPromptText("Service name, such as rewards");
    name.textProperty().bindBidirectional(model.keyName());
    HBox.setHgrow(name, Priority.ALWAYS);
    CheckBox publish = new CheckBox("rooms:publish");
    publish.setId("scopePublish");
    publish.selectedProperty().bindBidirectional(model.publishScope());
    CheckBox notify = new CheckBox("users:notify");
    notify.setId("scopeNotify");
    notify.selectedProperty().bindBidirectional(model.notifyScope());
    Button create = new Button("Make key");
    create.setId("createKey");
    create.setOnAction(e -> model.createKey());
    TextField secret = new TextField();
    secret.setId("newKeySecret");
    secret.setEditable(false);
    secret.setPromptText("The new key's secret shows here, once");
    secret.textProperty().bind(model.newSecret());
    Button revoke = new Button("Revoke");
    revoke.setId("revokeKey");
    revoke.getStyleClass().add(Styles.DANGER);
    revoke.disableProperty().bind(keys.getSelectionModel().selectedItemProperty().isNull());
    revoke.setOnAction(e -> selected(keys, model::revoke));
    VBox box = new VBox(8, new HBox(6, name, publish, notify, create), secret, keys, revoke);
    box.setPadding(new Insets(8));
    return box;
  }

  private VBox cluster() {
    ListView<ClusterView.Member> nodes =
        list("nodes", model.nodes(), m -> m.node() + "  ·  " + m.address() + "  ·  " + m.connections() + " sockets");
    Button refresh = new Button("Refresh");
    refresh.setOnAction(e -> model.refreshCluster());
    Button ping = new Button("Ping everyone");
    ping.setId("ping");
    ping.setOnAction(e -> model.ping());
    Label pinged = new Label();
    pinged.setId("pingResult");
    pinged.textProperty().bind(model.lastPing());
    VBox box = new VBox(8, nodes, new HBox(8, refresh, ping), pinged);
    box.setPadding(new Insets(8));
    return box;
  }

  private static <T> void selected(ListView<T> list, Consumer<T> action) {
    T item = list.getSelectionModel().getSelectedItem();
    if (item != null) {
      action.accept(item);
    }
  }

  private static <T> ListView<T> list(String id, ObservableList<T> items, Function<T, String> text) {
    ListView<T> list = new ListView<>(items);
    list.setId(id);
    list.setCellFactory(Cells.showing(item -> new Label(text.apply(item))));
    VBox.setVgrow(list, Priority.ALWAYS);
    return list;
  }
}
