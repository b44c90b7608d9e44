/**
 * The administrators' work: banning and unbanning users and the addresses they used, and the user and
 * ban lists. What is in force is {@code access}'s.
 */
package chat.server.moderation;
