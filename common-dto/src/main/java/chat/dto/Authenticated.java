package chat.dto;

/** The answer to a signup or login: a bearer token for REST and the WebSocket, and who it is for. */
public record Authenticated(String token, User user) {}
