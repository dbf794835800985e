package app.roomwatch.console.admin;

import java.nio.file.Path;
import javafx.scene.Scene;

/** What tests outside this package do in the admin area that a person does through the platform's windows. */
public final class AdminTesting {

    private AdminTesting() {}

    /** Imports {@code csv} as if the file chooser had handed it over. Call on the FX thread. */
    public static void importFile(Scene scene, Path csv) {
        ((ChildrenSection) scene.lookup("#admin-children-section")).importFile(csv);
    }
}
