package chat.server.events;

/** Something sockets must hear about: a frame to deliver, or a change to what sockets deliver. */
public sealed interface ChatEvent
    permits RoomEvent,
        UserEvent,
        Broadcast,
        BlockChanged,
        BanChanged,
        AccountChanged,
        IdentityChanged,
        Notice,
        NoticeTaken,
        GridMerged,
        MembershipEnded,
        SilenceChanged {}
