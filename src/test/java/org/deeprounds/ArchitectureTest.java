package org.deeprounds;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.Example;
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
        noClasses()
                .that()
                .resideInAPackage("org.deeprounds.base..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.deeprounds.accounts..",
                        "org.deeprounds.audit..",
                        "org.deeprounds.home..",
                        "org.deeprounds.system..",
                        "org.deeprounds.training..")
                .check(classes);
    }
}
