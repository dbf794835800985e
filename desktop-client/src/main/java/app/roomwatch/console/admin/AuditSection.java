package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Lists;
import app.roomwatch.console.ui.MessageLine;
import app.roomwatch.console.ui.RowCell;
import app.roomwatch.model.api.admin.AuditEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The audit log: one sentence per change, newest first, with older pages on request. */
final class AuditSection extends VBox {

    private final AuditLogViewModel model;
    private final DateTimeFormatter when;
    private final ZoneId zone;

    AuditSection(AuditLogViewModel model, Messages messages, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        this.when = AdminControls.dateTime(messages);
        ListView<AuditEntry> list = new ListView<>();
        Label empty = new Label(messages.get("admin.audit.none"));
        empty.getStyleClass().add(ConsoleStyles.EMPTY);
        Lists.fill(list, "admin-audit-list", model.entries(), empty, view -> new EntryCell());
        list.setFixedCellSize(AdminControls.ROW_HEIGHT);
        Button refresh =
                AdminControls.button("admin-audit-refresh", messages.get("admin.audit.refresh"), Feather.REFRESH_CW);
        Button older =
                AdminControls.button("admin-audit-older", messages.get("admin.audit.older"), Feather.CHEVRONS_DOWN);
        older.disableProperty().bind(model.moreProperty().not());
        refresh.setOnAction(e -> model.reload());
        older.setOnAction(e -> model.older());
        Label hint = new Label(messages.get("admin.audit.hint"));
        hint.getStyleClass().add(ConsoleStyles.MUTED);
        MessageLine error = new MessageLine(ConsoleStyles.ERROR, model.errorProperty());
        error.setId("admin-audit-message");
        error.setWrapText(true);
        AdminControls.page(
                this, AdminControls.toolbar(hint, null, refresh), error, list, AdminControls.toolbar(null, older));
    }

    private final class EntryCell extends RowCell<AuditEntry> {
        private final Label time = new Label();
        private final Label sentence = new Label();
        private final HBox row = new HBox(12, time, sentence);

        EntryCell() {
            time.getStyleClass().add(ConsoleStyles.FEED_TIME);
            time.setMinWidth(130);
            sentence.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(sentence, Priority.ALWAYS);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected Node show(AuditEntry entry) {
            time.setText(when.format(entry.at().atZone(zone)));
            sentence.setText(model.sentence(entry));
            return row;
        }
    }
}
