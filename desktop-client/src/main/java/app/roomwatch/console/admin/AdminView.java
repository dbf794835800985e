package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.status.ServerReach;
import app.roomwatch.console.ui.Icons;
import app.roomwatch.console.ui.NeedsServer;
import java.time.ZoneId;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.feather.Feather;

/**
 * The admin area: one tab per section, shown to admins only. Like every action elsewhere in the console, each one
 * that changes something on the server is offered only while the console is live ({@link NeedsServer}).
 */
public final class AdminView extends TabPane {

    private final Messages messages;

    public AdminView(AdminViewModel model, Messages messages, ZoneId zone, ServerReach reach) {
        this.messages = messages;
        setId("admin-sections");
        getStyleClass().add("rw-admin");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        Tab audit = tab("admin.section.audit", Feather.FILE_TEXT, new AuditSection(model.audit(), messages, zone));
        getTabs()
                .setAll(
                        tab("admin.section.staff", Feather.USERS, new StaffSection(model.staff(), messages, reach)),
                        tab(
                                "admin.section.children",
                                Feather.SMILE,
                                new ChildrenSection(model.children(), model.scanners(), messages, reach)),
                        tab(
                                "admin.section.places",
                                Feather.HOME,
                                new PlacesSection(model.places(), model.staff(), messages, reach)),
                        tab(
                                "admin.section.scanners",
                                Feather.RADIO,
                                new ScannersSection(model.scanners(), messages, zone, reach)),
                        tab(
                                "admin.section.schedule",
                                Feather.CLOCK,
                                new ScheduleSection(model.schedule(), messages, zone, reach)),
                        audit);
        // The log has no event of its own: it is read again whenever it is looked at.
        audit.selectedProperty().subscribe(selected -> {
            if (selected) {
                model.audit().reload();
            }
        });
    }

    /** Shows a section by its title's key ({@code admin.section.staff}, …); for tests and docs. */
    public void show(String sectionKey) {
        getTabs().stream()
                .filter(tab -> tab.getText().equals(messages.get(sectionKey)))
                .findFirst()
                .ifPresent(tab -> getSelectionModel().select(tab));
    }

    private Tab tab(String key, Feather icon, Node content) {
        Tab tab = new Tab(messages.get(key), content);
        tab.setId(key.replace('.', '-'));
        tab.setGraphic(Icons.of(icon));
        return tab;
    }
}
