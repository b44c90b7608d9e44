package chat.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
  static final ArchRule packagesDependOnEachOtherInOneDirection =
      slices()
          .matching("chat.server.(*)..")
          .should()
          .beFreeOfCycles()
          .because("each package can then be read, and changed, knowing only the ones below it");
}
