package chat.dto;

/** {@code PATCH /api/account}: the fields to change; one left out (null) stays as it is. */
public record ProfileChange(String displayName, String status) {}
