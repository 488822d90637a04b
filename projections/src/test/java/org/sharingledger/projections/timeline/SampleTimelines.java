package org.sharingledger.projections.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.sharingledger.projections.timeline.Timeline.ActorRef;
import org.sharingledger.projections.timeline.Timeline.AgencyRef;
import org.sharingledger.projections.timeline.Timeline.Code;
import org.sharingledger.projections.timeline.Timeline.Consent;
import org.sharingledger.projections.timeline.Timeline.Entry;
import org.sharingledger.projections.timeline.Timeline.Summary;

/** A small, realistic timeline for the exporters' tests: a request refused, escalated and shared in the end. */
final class SampleTimelines {

    static final AgencyRef CSC = new AgencyRef("county-csc", "County Children's Social Care", "CHILDRENS_SOCIAL_CARE");
    static final AgencyRef POLICE = new AgencyRef("ashcombe-police", "Lowmarsh Constabulary (Ashcombe)", "POLICE");
    static final String REQUEST = "7d6f3a52-8c1e-4c57-9a0e-2f7f8b0c1d11";
    static final Instant T0 = Instant.parse("2009-03-02T09:15:00Z");

    private SampleTimelines() {}

    static Timeline refusedEscalatedShared() {
        ActorRef socialWorker = new ActorRef("sw.ferrow", "Tod Ferrow", List.of("PRACTITIONER"), "county-csc");
        ActorRef officer = new ActorRef("pc.khan", "PC Aisha Khan", List.of("PRACTITIONER"), "ashcombe-police");
        ActorRef representative =
                new ActorRef("ds.hart", "DS Jane Hart", List.of("NOMINATED_REPRESENTATIVE"), "ashcombe-police");
        Entry requested = new Entry(
                "e1",
                101,
                REQUEST,
                "REQUESTED",
                "County Children's Social Care asked Lowmarsh Constabulary (Ashcombe) for information",
                T0,
                T0,
                null,
                CSC,
                POLICE,
                socialWorker,
                "CSC-2009-0142",
                "CHILD_PROTECTION_ENQUIRY",
                "Section 47 enquiry",
                "PUBLIC_TASK",
                new Consent("NOT_SOUGHT", "Seeking consent would put the child at risk"),
                "URGENT",
                "Domestic abuse call-outs to the family home in the last 12 months",
                T0.plus(Duration.ofHours(24)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        Instant refusedAt = T0.plus(Duration.ofHours(3));
        Entry refused = new Entry(
                "e2",
                102,
                REQUEST,
                "REFUSED",
                "Lowmarsh Constabulary (Ashcombe) refused: disclosure would prejudice an investigation",
                refusedAt.plus(Duration.ofDays(3)),
                refusedAt,
                Duration.ofDays(3),
                CSC,
                POLICE,
                officer,
                "CSC-2009-0142",
                null,
                null,
                null,
                null,
                null,
                null,
                T0.plus(Duration.ofHours(24)),
                null,
                null,
                null,
                "A live investigation would be harmed",
                null,
                new Code("WOULD_PREJUDICE_INVESTIGATION", "Disclosure would prejudice an investigation"),
                "Force solicitor",
                true,
                null,
                null,
                null);
        Instant escalatedAt = refusedAt.plus(Duration.ofDays(4));
        Entry escalated = new Entry(
                "e3",
                140,
                REQUEST,
                "ESCALATED",
                "County Children's Social Care escalated the refusal to the nominated representative",
                escalatedAt,
                escalatedAt,
                null,
                CSC,
                POLICE,
                socialWorker,
                "CSC-2009-0142",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "The child is at risk now",
                null,
                null,
                null,
                null,
                "NOMINATED_REPRESENTATIVE",
                null,
                null);
        Instant resolvedAt = escalatedAt.plus(Duration.ofHours(5));
        Entry resolved = new Entry(
                "e4",
                141,
                REQUEST,
                "ESCALATION_RESOLVED",
                "The nominated representative of Lowmarsh Constabulary (Ashcombe) decided to share",
                resolvedAt,
                resolvedAt,
                null,
                CSC,
                POLICE,
                representative,
                "CSC-2009-0142",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "Two call-outs, March and June 2008",
                "SECURE_EMAIL",
                "The child's safety outweighs the risk to the investigation",
                null,
                null,
                null,
                null,
                "NOMINATED_REPRESENTATIVE",
                "SHARED",
                null);
        return new Timeline(
                resolvedAt.plus(Duration.ofDays(1)),
                resolvedAt.plus(Duration.ofDays(1)),
                "Serious case review: Child A",
                "reviewer.smith",
                "c0a8013e-7e4b-4c4e-9b1a-3d2f5e6a7b8c",
                new Summary(1, 0, 0, 1, 1, 0, 2, 3.0),
                List.of(requested, refused, escalated, resolved),
                List.of());
    }
}
