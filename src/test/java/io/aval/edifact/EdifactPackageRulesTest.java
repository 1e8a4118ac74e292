package io.aval.edifact;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** {@code io.aval.edifact.internal} is the writer's machinery: other capabilities use the public types only. */
class EdifactPackageRulesTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.aval");

    @Test
    void onlyTheEdifactPackageUsesItsInternals() {
        noClasses().that().resideOutsideOfPackages("io.aval.edifact", "io.aval.edifact.internal")
                .should().dependOnClassesThat().resideInAPackage("io.aval.edifact.internal")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void controlNumbersDoNotDependOnEdifact() {
        noClasses().that().resideInAPackage("io.aval.partner..")
                .should().dependOnClassesThat().resideInAPackage("io.aval.edifact..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
