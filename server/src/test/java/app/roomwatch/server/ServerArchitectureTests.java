package app.roomwatch.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "app.roomwatch.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTests {

    private static final Class<?>[] JDBC = {
        JdbcClient.class,
        JdbcTemplate.class,
        JdbcOperations.class,
        NamedParameterJdbcTemplate.class,
        NamedParameterJdbcOperations.class
    };

    /**
     * The packages that still speak SQL outside a query class, each for a reason: the event log's writer and the
     * stream (its reader, slots and pruning) are the log itself; the database package sets up and backs up the
     * database.
     */
    private static final String[] SQL_OUTSIDE_QUERY_CLASSES = {
        "app.roomwatch.server.event..", "app.roomwatch.server.stream..", "app.roomwatch.server.database.."
    };

    @ArchTest
    static final ArchRule queryClassesStayInTheirFeature = classes()
            .that()
            .haveSimpleNameEndingWith("Queries")
            .or()
            .haveSimpleNameEndingWith("Repository")
            .should()
            .notBePublic()
            .because("each table has one owning feature; others ask its public service, never its queries");

    @ArchTest
    static final ArchRule onlyQueryClassesSpeakSql = noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Queries")
            .and()
            .haveSimpleNameNotEndingWith("Repository")
            .and()
            .resideOutsideOfPackages(SQL_OUTSIDE_QUERY_CLASSES)
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(JDBC)
            .because("a feature's SQL lives in its one package-private query class (the allow-list names the few"
                    + " packages that are the log or the database themselves)");

    @ArchTest
    static final ArchRule controllersHoldNoSql = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(JDBC)
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Queries")
            .orShould()
            .beAnnotatedWith(Transactional.class)
            .orShould()
            .beAnnotatedWith("jakarta.transaction.Transactional")
            .because("controllers translate HTTP; what a request changes, and in which transaction, is the feature"
                    + " service's business");

    @ArchTest
    static final ArchRule controllerMethodsStartNoTransaction = noMethods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(RestController.class)
            .should()
            .beAnnotatedWith(Transactional.class)
            .orShould()
            .beAnnotatedWith("jakarta.transaction.Transactional")
            .because("controllers translate HTTP; the feature service opens the transaction");

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
