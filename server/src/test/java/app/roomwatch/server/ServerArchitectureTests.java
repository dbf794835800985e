package app.roomwatch.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "app.roomwatch.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTests {

    @ArchTest
    static final ArchRule domainDoesNotKnowTheStream = noClasses()
            .that()
            .resideOutsideOfPackage("app.roomwatch.server.stream..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("app.roomwatch.server.stream..")
            .because("changes only write the event log; the stream reads it, so neither waits on the other");

    @ArchTest
    static final ArchRule noFieldInjection = noFields()
            .should()
            .beAnnotatedWith(Autowired.class)
            .because("dependencies come through constructors, so every component can be built by hand");

    @ArchTest
    static final ArchRule controllersStayInternal = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .bePublic()
            .because("controllers are the HTTP edge of their feature, not an API for other packages");

    @ArchTest
    static final ArchRule onlyTheDatabaseFeatureStartsPostgres = noClasses()
            .that()
            .resideOutsideOfPackage("app.roomwatch.server.database..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.zonky.test.db..")
            .because("an external database must work everywhere the embedded one does");
}
