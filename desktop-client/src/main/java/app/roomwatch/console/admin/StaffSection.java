package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.status.ServerReach;
import app.roomwatch.console.ui.Icons;
import app.roomwatch.console.ui.NeedsServer;
import app.roomwatch.model.api.admin.StaffAccount;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Staff: the accounts in a table, with add, edit, reset password and disable or enable. */
final class StaffSection extends VBox {

    StaffSection(StaffAdminViewModel model, Messages messages, ServerReach reach) {
        AdminRows<StaffAccount> rows = model.rows();
        TableView<StaffAccount> table =
                AdminControls.table("admin-staff-table", rows, rows.rows().items(), messages.get("admin.staff.none"));
        table.getColumns()
                .addAll(
                        AdminControls.column(messages.get("admin.staff.displayName"), 260, StaffAccount::displayName),
                        AdminControls.column(messages.get("admin.staff.username"), 180, StaffAccount::username),
                        AdminControls.column(
                                messages.get("admin.staff.role"), 160, a -> AdminControls.role(messages, a.role())),
                        AdminControls.column(
                                messages.get("admin.staff.state"),
                                160,
                                a -> messages.get(a.enabled() ? "admin.staff.active" : "admin.staff.off")));

        Button add = AdminControls.button("admin-staff-add", messages.get("admin.staff.add"), Feather.USER_PLUS);
        Button edit = AdminControls.button("admin-staff-edit", messages.get("admin.edit"), Feather.EDIT_2);
        Button password = AdminControls.button("admin-staff-reset", messages.get("admin.staff.reset"), Feather.KEY);
        Button toggle = AdminControls.button("admin-staff-toggle", messages.get("admin.staff.disable"), Feather.SLASH);
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        table.getSelectionModel().selectedItemProperty().subscribe(account -> {
            boolean enable = account != null && !account.enabled();
            toggle.setText(messages.get(enable ? "admin.staff.enable" : "admin.staff.disable"));
            toggle.setGraphic(Icons.of(enable ? Feather.CHECK_CIRCLE : Feather.SLASH));
        });

        add.setOnAction(
                e -> AdminDialogs.staff(model, null, messages, getScene().getWindow()));
        edit.setOnAction(e -> AdminDialogs.staff(
                model, rows.rows().selected(), messages, getScene().getWindow()));
        password.setOnAction(e -> AdminDialogs.resetPassword(
                model, rows.rows().selected(), messages, getScene().getWindow()));
        toggle.setOnAction(e -> {
            StaffAccount account = rows.rows().selected();
            if (account == null) {
                return;
            }
            if (account.enabled()) {
                if (AdminDialogs.confirm(
                        messages,
                        getScene().getWindow(),
                        "admin-staff-disable-dialog",
                        messages.get("admin.staff.disable.title", account.displayName()),
                        messages.get("admin.staff.disable.consequence", account.displayName()),
                        messages.get("admin.staff.disable.button"))) {
                    model.setEnabled(account, false);
                }
            } else {
                model.setEnabled(account, true);
            }
        });

        AdminControls.page(
                this,
                AdminControls.toolbar(
                        new NeedsServer(add, reach),
                        null,
                        new NeedsServer(edit, reach).alsoDisabledWhen(none),
                        new NeedsServer(password, reach).alsoDisabledWhen(none),
                        new NeedsServer(toggle, reach).alsoDisabledWhen(none)),
                AdminControls.message("admin-staff-message", rows),
                table);
    }
}
