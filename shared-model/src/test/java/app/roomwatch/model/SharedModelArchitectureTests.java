package app.roomwatch.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "app.roomwatch.model", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedModelArchitectureTests {

    @ArchTest
    static final ArchRule dependsOnNothingButJacksonAnnotations = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("app.roomwatch.model..", "java..", "com.fasterxml.jackson.annotation..")
            .because("server and console share this module, and neither should inherit the other's frameworks");

    @ArchTest
    static final ArchRule payloadsAreRecords = classes()
            .that()
            .resideInAnyPackage("app.roomwatch.model.event..", "app.roomwatch.model.api..")
            .and()
            .areNotInterfaces()
            .and()
            .areNotEnums()
            .and()
            .areTopLevelClasses()
            .and()
            .doNotHaveSimpleName("Topic")
            .should()
            .beRecords()
            .because("events and DTOs are immutable values");
}
