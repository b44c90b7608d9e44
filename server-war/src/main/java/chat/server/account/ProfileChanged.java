package chat.server.account;

import chat.dto.User;

/** A profile change inside its transaction; told to the nodes once it has committed ({@link Profiles}). */
record ProfileChanged(User user, Profile profile) {}
