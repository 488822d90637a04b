package org.sharingledger;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.sharingledger.architecture.fixture.alpha.Alpha;
import org.sharingledger.architecture.fixture.beta.Beta;
import org.sharingledger.architecture.fixture.kernel.KernelUsingAFeature;
import org.sharingledger.architecture.fixture.projections.one.ReadModel;
import org.sharingledger.architecture.fixture.projections.timeline.PastTheApi;
import org.sharingledger.architecture.fixture.projections.timeline.ThroughTheApi;
import org.sharingledger.architecture.fixture.projections.two.Page;
import org.sharingledger.architecture.fixture.request.RequestInternals;
import org.sharingledger.architecture.fixture.request.api.MakeThing;

/** Each package rule of {@link ArchitectureTest} fails once, on a deliberate violation among test classes. */
class BoundariesTest {

    private static final String ROOT = "org.sharingledger.architecture.fixture";

    @Test
    void aCycleBetweenTopLevelPackagesFails() {
        assertThatThrownBy(
                        () -> Boundaries.noCycleBetweenTopLevelPackages(ROOT).check(classes(Alpha.class, Beta.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining(Alpha.class.getName())
                .hasMessageContaining(Beta.class.getName());
    }

    @Test
    void aCycleBetweenTheReadSidesPackagesFails() {
        assertThatThrownBy(() -> Boundaries.noCycleBetweenTopLevelPackages(ROOT + ".projections")
                        .check(classes(ReadModel.class, Page.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining(ReadModel.class.getName());
    }

    @Test
    void theWriteSideImportingTheReadSideFails() {
        assertThatThrownBy(() -> Boundaries.writeSideNeverImportsReadSide(ROOT)
                        .check(classes(RequestInternals.class, ReadModel.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(RequestInternals.class.getName());
    }

    @Test
    void theReadSideReachingPastAnApiFails() {
        assertThatThrownBy(() -> Boundaries.readSideReachesWriteSideOnlyThroughApis(ROOT)
                        .check(classes(PastTheApi.class, RequestInternals.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(PastTheApi.class.getName())
                .hasMessageContaining(RequestInternals.class.getName());
    }

    @Test
    void theReadSideSendingACommandThroughAnApiPasses() {
        assertThatCode(() -> Boundaries.readSideReachesWriteSideOnlyThroughApis(ROOT)
                        .check(classes(ThroughTheApi.class, MakeThing.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void theKernelDependingOnAFeatureFails() {
        assertThatThrownBy(() -> Boundaries.kernelDependsOnNothingOfOurs(ROOT)
                        .check(classes(KernelUsingAFeature.class, MakeThing.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(KernelUsingAFeature.class.getName());
    }

    private static JavaClasses classes(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }
}
