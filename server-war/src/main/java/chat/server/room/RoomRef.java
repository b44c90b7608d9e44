package chat.server.room;

/** A room's identity, what the other features need of it: its id and its name as created. */
public record RoomRef(long id, String name) {}
