package org.sharingledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The boundaries of the ledger's own code (tests aside):
 *
 * <ul>
 *   <li>no cycle between the top-level packages of the write side, nor between those of the read side;
 *   <li>the write side never imports the read side ({@code projections});
 *   <li>the read side reaches the write side's features only through their {@code api} packages, and never an
 *       aggregate or command handler;
 *   <li>the shared {@code kernel} depends on nothing of ours, and the {@code platform} only on the kernel;
 *   <li>features (access, adoption, agency, agreement, consultation, evidence, notification, request,
 *       selfassessment, subject, timeline, training) meet only through their {@code api} packages (the evidence and access features also through their command lines, {@code evidence.cli} and
 *       {@code access.cli}, which the application's entry point hands its arguments to);
 *   <li>the independent verifier ({@code verifier}, built into a jar of its own) depends on {@code java.*} alone.
 * </ul>
 *
 * <p>The rules that span the whole code base are built by {@link Boundaries} for a root package, so that
 * {@code BoundariesTest} can show each of them failing on a deliberate violation.
 */
@AnalyzeClasses(packages = "org.sharingledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "org.sharingledger";
    private static final String[] FEATURES = {
        "access",
        "adoption",
        "agency",
        "agreement",
        "consultation",
        "evidence",
        "notification",
        "request",
        "selfassessment",
        "subject",
        "timeline",
        "training"
    };

    private static final DescribedPredicate<JavaClass> AGGREGATES_AND_COMMAND_HANDLERS = DescribedPredicate.describe(
            "aggregates or command handlers",
            javaClass -> javaClass.isAnnotatedWith(Aggregate.class)
                    || javaClass.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(CommandHandler.class))
                    || javaClass.getConstructors().stream().anyMatch(c -> c.isAnnotatedWith(CommandHandler.class)));

    @ArchTest
    static final ArchRule noCycleBetweenTheWriteSidesPackages = Boundaries.noCycleBetweenTopLevelPackages(ROOT);

    @ArchTest
    static final ArchRule noCycleBetweenTheReadSidesPackages =
            Boundaries.noCycleBetweenTopLevelPackages(ROOT + ".projections");

    @ArchTest
    static final ArchRule theWriteSideNeverImportsTheReadSide = Boundaries.writeSideNeverImportsReadSide(ROOT);

    @ArchTest
    static final ArchRule theReadSideReachesTheWriteSideOnlyThroughApis =
            Boundaries.readSideReachesWriteSideOnlyThroughApis(ROOT);

    @ArchTest
    static final ArchRule theKernelDependsOnNothingOfOurs = Boundaries.kernelDependsOnNothingOfOurs(ROOT);

    @ArchTest
    static final ArchRule projectionsNeverTouchAggregatesOrCommandHandlers = noClasses()
            .that()
            .resideInAPackage(ROOT + ".projections..")
            .should()
            .dependOnClassesThat(AGGREGATES_AND_COMMAND_HANDLERS);

    @ArchTest
    static final ArchRule accessIsReachedOnlyThroughItsApi = onlyThroughApi("access");

    @ArchTest
    static final ArchRule agencyIsReachedOnlyThroughItsApi = onlyThroughApi("agency");

    @ArchTest
    static final ArchRule agreementIsReachedOnlyThroughItsApi = onlyThroughApi("agreement");

    @ArchTest
    static final ArchRule consultationIsReachedOnlyThroughItsApi = onlyThroughApi("consultation");

    @ArchTest
    static final ArchRule evidenceIsReachedOnlyThroughItsApi = onlyThroughApi("evidence");

    @ArchTest
    static final ArchRule requestIsReachedOnlyThroughItsApi = onlyThroughApi("request");

    @ArchTest
    static final ArchRule subjectIsReachedOnlyThroughItsApi = onlyThroughApi("subject");

    @ArchTest
    static final ArchRule timelineIsReachedOnlyThroughItsApi = onlyThroughApi("timeline");

    @ArchTest
    static final ArchRule trainingIsReachedOnlyThroughItsApi = onlyThroughApi("training");

    @ArchTest
    static final ArchRule selfAssessmentIsReachedOnlyThroughItsApi = onlyThroughApi("selfassessment");

    @ArchTest
    static final ArchRule apiPackagesDependOnNoFeatureInternals = noClasses()
            .that()
            .resideInAPackage(ROOT + ".*.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(featureInternals());

    @ArchTest
    static final ArchRule theIndependentVerifierDependsOnlyOnJava = classes()
            .that()
            .resideInAPackage(ROOT + ".verifier..")
            .should()
            .onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..", ROOT + ".verifier..")
                    .or(DescribedPredicate.describe(
                            "primitive or array types", type -> type.isPrimitive() || type.isArray())))
            .as("the independent verifier (its own small jar) depends on java.* alone");

    @ArchTest
    static final ArchRule thePlatformKnowsOnlyTheKernel = noClasses()
            .that()
            .resideInAPackage(ROOT + ".platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(features())
            .as("the platform depends on no feature (only on the kernel)");

    private static ArchRule onlyThroughApi(String feature) {
        return noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + "." + feature + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + "." + feature)
                .as("code outside '" + feature + "' uses it only through " + feature + ".api");
    }

    /** A feature's own package, without its api (exact package names, no sub-packages). */
    private static String[] featureInternals() {
        String[] packages = new String[FEATURES.length];
        for (int i = 0; i < FEATURES.length; i++) {
            packages[i] = ROOT + "." + FEATURES[i];
        }
        return packages;
    }

    /** Every feature, its api included. */
    private static String[] features() {
        String[] packages = new String[FEATURES.length];
        for (int i = 0; i < FEATURES.length; i++) {
            packages[i] = ROOT + "." + FEATURES[i] + "..";
        }
        return packages;
    }
}
