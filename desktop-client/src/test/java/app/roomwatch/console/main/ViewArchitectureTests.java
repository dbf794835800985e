package app.roomwatch.console.main;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import app.roomwatch.console.fx.UiThread;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "app.roomwatch.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ViewArchitectureTests {

    @ArchTest
    static final ArchRule viewModelsHoldNoControls = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("view-models are tested without a screen; only views know controls");

    @ArchTest
    static final ArchRule viewModelsSeeTheServerOnlyThroughTheirOwnInterfaces = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("okhttp3..", "app.roomwatch.console.api..", "app.roomwatch.console.realtime..")
            .because("each view-model names what it needs in a small interface of its own package, which tests"
                    + " answer in memory and main.ServerBackend answers over HTTP");

    @ArchTest
    static final ArchRule viewModelsRunBlockingWorkOnlyThroughTheTaskExecutor = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName(java.util.concurrent.Executor.class.getName())
            .because("view-models are handed the one refresh.TaskExecutor, which tests replace with a same-thread one");

    @ArchTest
    static final ArchRule viewsNeverCrossThreadsThemselves = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(UiThread.class.getName())
            .should()
            .callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
            .because("every hand-off to the UI thread, in every package of the console, goes through fx.UiThread,"
                    + " which tests replace");
}
