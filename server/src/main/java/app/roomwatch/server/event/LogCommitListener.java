package app.roomwatch.server.event;

/** Told once per transaction, after it committed, that it appended to the event log: readers may read it now. */
public interface LogCommitListener {

    /** Runs on the committing thread, after the commit: must return at once. */
    void logCommitted();
}
