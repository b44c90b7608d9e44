package chat.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import chat.server.database.Jdbc;
import chat.server.database.JpaService;
import chat.server.events.ChatEvents;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.EntityManager;

/** The edges the package layout promises, kept by the build rather than by memory. */
@AnalyzeClasses(packages = "chat.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheClusterPackageTalksToHazelcast =
      noClasses()
          .that()
          .resideOutsideOfPackage("chat.server.cluster..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.hazelcast..")
          .because("every other package sees the cluster through a small interface of ours");

  @ArchTest
  static final ArchRule jdbcStaysInTheDatabasePackageAndTheStores =
      noClasses()
          .that()
          .resideOutsideOfPackage("chat.server.database..")
          .and()
          .haveNameNotMatching(".*Store(\\$.*)?") // a store, or a class nested in one
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "javax.sql..")
          .because("the stores fail one way only, with DatabaseFailure, which the features do not catch");

  @ArchTest
  static final ArchRule theEdgesReachDataOnlyThroughServices =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("Resource")
          .or()
          .haveSimpleNameEndingWith("Endpoint")
          .should()
          .dependOnClassesThat()
          .haveSimpleNameEndingWith("Store")
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(EntityManager.class)
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(Jdbc.class)
          .because("a route or a socket checks and answers; what it may change, and who hears of it, is a service's");

  @ArchTest
  static final ArchRule storesStayBelowServices =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("Store")
          .should()
          .dependOnClassesThat()
          .haveSimpleNameEndingWith("Service")
          .orShould()
          .dependOnClassesThat()
          .haveSimpleNameEndingWith("Resource")
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(ChatEvents.class)
          .because("a store reads and writes rows; announcing a change once it is committed is its service's");

  @ArchTest
  static final ArchRule anEntityManagerOnlyInJpaServices =
      noClasses()
          .that()
          .areNotAnnotatedWith(JpaService.class)
          .and()
          .resideOutsideOfPackage("chat.server.database..")
          .should()
          .dependOnClassesThat()
          .areAssignableTo(EntityManager.class)
          .because("a JPA service's failures are translated in one place (@JpaService, decision 0009)");

  @ArchTest
  static final ArchRule packagesDependOnEachOtherInOneDirection =
      slices()
          .matching("chat.server.(*)..")
          .should()
          .beFreeOfCycles()
          .because("each package can then be read, and changed, knowing only the ones below it");
}
