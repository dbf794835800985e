package app.roomwatch.console.toast;

/** One urgent message shown over the window for a few seconds. */
public record Toast(String id, String title, String body) {}
