package org.sharingledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The boundaries: the read side never touches aggregates or command handlers, and features (access, agency,
 * evidence, request, subject, timeline) meet only through their {@code api} packages (the evidence feature also
 * through its command line, {@code evidence.cli}, which the application's entry point hands its arguments to).
 */
@AnalyzeClasses(packages = "org.sharingledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = {"access", "agency", "evidence", "request", "subject", "timeline"};

    private static final DescribedPredicate<JavaClass> AGGREGATES_AND_COMMAND_HANDLERS =
            DescribedPredicate.describe("aggregates or command handlers", javaClass ->
                    javaClass.isAnnotatedWith(Aggregate.class)
                            || javaClass.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(CommandHandler.class))
                            || javaClass.getConstructors().stream()
                            .anyMatch(c -> c.isAnnotatedWith(CommandHandler.class)));

    @ArchTest
    static final ArchRule projectionsNeverTouchAggregatesOrCommandHandlers = noClasses()
            .that().resideInAPackage("org.sharingledger.projections..")
            .should().dependOnClassesThat(AGGREGATES_AND_COMMAND_HANDLERS);

    @ArchTest
    static final ArchRule projectionsSeeFeaturesOnlyThroughTheirApi = noClasses()
            .that().resideInAPackage("org.sharingledger.projections..")
            .should().dependOnClassesThat().resideInAnyPackage(featureInternals());

    @ArchTest
    static final ArchRule accessIsReachedOnlyThroughItsApi = onlyThroughApi("access");

    @ArchTest
    static final ArchRule agencyIsReachedOnlyThroughItsApi = onlyThroughApi("agency");

    @ArchTest
    static final ArchRule evidenceIsReachedOnlyThroughItsApi = onlyThroughApi("evidence");

    @ArchTest
    static final ArchRule requestIsReachedOnlyThroughItsApi = onlyThroughApi("request");

    @ArchTest
    static final ArchRule subjectIsReachedOnlyThroughItsApi = onlyThroughApi("subject");

    @ArchTest
    static final ArchRule timelineIsReachedOnlyThroughItsApi = onlyThroughApi("timeline");

    @ArchTest
    static final ArchRule apiPackagesDependOnNoFeatureInternals = noClasses()
            .that().resideInAPackage("org.sharingledger.*.api..")
            .should().dependOnClassesThat().resideInAnyPackage(featureInternals());

    @ArchTest
    static final ArchRule thePlatformKnowsNoFeatureInternals = noClasses()
            .that().resideInAPackage("org.sharingledger.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(featureInternals());

    private static ArchRule onlyThroughApi(String feature) {
        return noClasses().that().resideOutsideOfPackage("org.sharingledger." + feature + "..")
                .should().dependOnClassesThat().resideInAPackage("org.sharingledger." + feature)
                .as("code outside '" + feature + "' uses it only through " + feature + ".api");
    }

    /** A feature's own package, without its api (exact package names, no sub-packages). */
    private static String[] featureInternals() {
        String[] packages = new String[FEATURES.length];
        for (int i = 0; i < FEATURES.length; i++) {
            packages[i] = "org.sharingledger." + FEATURES[i];
        }
        return packages;
    }
}
