package app.roomwatch.server.activity;

/**
 * What starting an activity needs of the room feature, which owns the {@code room} table (and, to show live rooms,
 * depends on this package, so this one names the need and the room feature answers it).
 */
public interface RoomLocks {

    /**
     * Locks the room, so that two activities cannot start in it at once, and returns its name.
     *
     * @param asked the id as the caller wrote it, for the 404's sentence
     */
    String lockRoom(long tenant, long roomId, String asked);
}
