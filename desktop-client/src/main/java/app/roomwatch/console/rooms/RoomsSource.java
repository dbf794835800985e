package app.roomwatch.console.rooms;

import app.roomwatch.model.api.RoomView;
import java.util.List;

/** {@code GET /api/rooms}: every room of the tenant with its occupancy and running activity. Blocking. */
@FunctionalInterface
public interface RoomsSource {

    List<RoomView> rooms() throws Exception;
}
