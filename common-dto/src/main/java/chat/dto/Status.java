package chat.dto;

/** What a social route did: {@code requested}, {@code friends}, {@code removed}, {@code blocked}, ... */
public record Status(String status) {}
