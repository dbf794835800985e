package app.roomwatch.console.realtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import app.roomwatch.console.fx.UiThread;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "app.roomwatch.console", importOptions = ImportOption.DoNotIncludeTests.class)
class RealtimeArchitectureTests {

    @ArchTest
    static final ArchRule theRealtimeCoreKnowsNoJavaFx = noClasses()
            .that()
            .resideInAPackage("app.roomwatch.console.realtime..")
            .and()
            .doNotHaveFullyQualifiedName(FxRealtimeClient.class.getName())
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx..")
            .because("the client must be testable and reusable without a screen; FxRealtimeClient adapts it");

    @ArchTest
    static final ArchRule realtimeAndApiHandOffToTheUiOnlyThroughUiThread = noClasses()
            .that()
            .resideInAnyPackage("app.roomwatch.console.realtime..", "app.roomwatch.console.api..")
            .should()
            .callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
            .because("every hand-off to the UI thread goes through " + UiThread.class.getSimpleName()
                    + ", which tests replace");
}
