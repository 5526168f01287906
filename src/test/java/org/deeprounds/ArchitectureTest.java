package org.deeprounds;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.Example;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;

/** The architecture rules of DESIGN.md, as tests. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.deeprounds");
    }

    @Test
    void feature_packages_are_free_of_cycles() {
        slices().matching("org.deeprounds.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void domain_code_does_not_depend_on_ui() {
        // Security configuration is wiring, not domain: it names the login view.
        noClasses()
                .that()
                .resideOutsideOfPackage("..ui..")
                .and()
                .areNotAnnotatedWith(Configuration.class)
                .should()
                .dependOnClassesThat()
                // Our UI packages; DL4J's training UI lives in org.deeplearning4j.ui and is not ours.
                .resideInAPackage("org.deeprounds..ui..")
                .check(classes);
    }

    @Test
    void only_the_ml_features_use_deeplearning4j_or_nd4j() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "org.deeprounds.models..",
                        "org.deeprounds.training..",
                        "org.deeprounds.insight..",
                        "org.deeprounds.evaluation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
                .check(classes);
    }

    @Test
    void only_evaluation_reads_the_test_split() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.deeprounds.evaluation..", "org.deeprounds.datasets..")
                .should()
                .callMethod(DatasetService.class, "readTestExamples", long.class, Example.Sink.class)
                .orShould()
                .callMethod(DatasetService.class, "readTestGroups", long.class, String.class)
                .because("the test split is touched only by evaluation, after training (DESIGN.md)")
                .check(classes);
    }

    @Test
    void only_training_batches_and_the_builders_preview_are_augmented() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("org.deeprounds.training.Trainer")
                .and()
                .doNotHaveFullyQualifiedName("org.deeprounds.training.ui.AugmentationPanel")
                // RunService only writes the settings into the run's provenance.
                .and()
                .doNotHaveFullyQualifiedName("org.deeprounds.training.RunService")
                .and()
                .doNotHaveFullyQualifiedName("org.deeprounds.training.ImageAugmenter")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.deeprounds.training.ImageAugmenter")
                .because("validation, test, evaluation, explanations and single cases see the images as they are")
                .check(classes);
    }

    @Test
    void only_a_run_check_grants_a_runs_dataset() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.deeprounds.training..", "org.deeprounds.datasets..")
                .should()
                .callMethod(DatasetService.class, "readingForRun", long.class, java.util.function.Supplier.class)
                .because("access to a run's data follows from the run check in RunService.withDataOf")
                .check(classes);
    }

    @Test
    void base_depends_on_no_feature() {
        var features = featurePackages();
        // The list is read from the classes; these make sure the reading finds them.
        assertThat(features)
                .contains("org.deeprounds.accounts..", "org.deeprounds.datasets..", "org.deeprounds.training..")
                .doesNotContain("org.deeprounds.base..");
        noClasses()
                .that()
                .resideInAPackage("org.deeprounds.base..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(features)
                .check(classes);
    }

    /**
     * Every top-level package under {@code org.deeprounds} but {@code base}, as ArchUnit patterns: taken from the
     * classes rather than written down, so a new feature package is covered the day it appears.
     */
    static String[] featurePackages() {
        var root = "org.deeprounds.";
        return classes.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(root))
                .map(name -> name.substring(root.length()).split("\\.")[0])
                .filter(top -> !top.equals("base"))
                .distinct()
                .sorted()
                .map(top -> root + top + "..")
                .toArray(String[]::new);
    }
}
