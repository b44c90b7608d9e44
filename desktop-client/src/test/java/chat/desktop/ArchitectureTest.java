package chat.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What the screens' split into View and ViewModel promises, kept by the build. */
@AnalyzeClasses(packages = "chat.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule viewModelsHoldStateNotControls =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javafx.scene..")
          .because("a ViewModel is tested without a window (Ui.inline()); what is drawn is its View's");
}
