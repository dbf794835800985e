package app.roomwatch.console.toast;

/**
 * One urgent message shown over the window for a few seconds.
 *
 * @param id the notification's id, to open it when the toast is clicked
 * @param byline who sent it and when, in words
 */
public record Toast(String id, String title, String body, String byline) {}
