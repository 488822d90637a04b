package org.sharingledger;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules that keep the ledger's packages apart, for a root package: {@code org.sharingledger} in
 * {@link ArchitectureTest}, a package of deliberate violations in {@code BoundariesTest}.
 */
final class Boundaries {

    private Boundaries() {}

    /** No cycle between the packages directly under the root (each with its sub-packages). */
    static ArchRule noCycleBetweenTopLevelPackages(String root) {
        return slices().matching(root + ".(*)..")
                .should()
                .beFreeOfCycles()
                .as("no cycle between the top-level packages of " + root);
    }

    /** The write side (everything but {@code projections}) never depends on the read side. */
    static ArchRule writeSideNeverImportsReadSide(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(root + ".projections..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".projections..")
                .as("the write side never depends on the read side (" + root + ".projections)");
    }

    /**
     * The read side reaches the write side only through the features' {@code api} packages, and the shared kernel
     * and platform that lie below both sides. It reads events, and it sends one command: recording that a reviewer
     * queried a timeline ({@code timeline.api.RecordTimelineQuery}), which is allowed because it goes through an api.
     */
    static ArchRule readSideReachesWriteSideOnlyThroughApis(String root) {
        DescribedPredicate<JavaClass> writeSideInternals = resideInAPackage(root + "..")
                .and(not(resideInAnyPackage(
                        root + ".projections..", root + ".*.api..", root + ".kernel..", root + ".platform..")))
                .as("the write side outside its api packages, the kernel and the platform");
        return noClasses()
                .that()
                .resideInAPackage(root + ".projections..")
                .should()
                .dependOnClassesThat(writeSideInternals)
                .as("the read side reaches the write side only through api packages (sending the 'timeline "
                        + "queried' command through timeline.api is allowed)");
    }

    /** The shared kernel depends on nothing of ours: the features implement it. */
    static ArchRule kernelDependsOnNothingOfOurs(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".kernel..")
                .should()
                .dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAPackage(root + ".kernel.."))))
                .as("the kernel depends on nothing of ours");
    }
}
