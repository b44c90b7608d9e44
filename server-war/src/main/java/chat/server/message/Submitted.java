package chat.server.message;

import java.util.concurrent.CompletableFuture;

/** A message queued for the writer, and the answer its sender waits on. */
record Submitted(NewMessage message, CompletableFuture<PostOutcome> answer) {}
