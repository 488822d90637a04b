package org.sharingledger.projections.timeline;

import java.util.Map;

/** Codes in the words a review panel reads. */
final class Words {

    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("INFORMATION_NOT_HELD", "The information is not held"),
            Map.entry("NO_CONSENT_NO_OVERRIDING_PUBLIC_INTEREST",
                    "No consent, and no overriding public interest"),
            Map.entry("NOT_NECESSARY_OR_PROPORTIONATE", "Sharing would not be necessary or proportionate"),
            Map.entry("PURPOSE_NOT_ESTABLISHED", "The purpose was not established"),
            Map.entry("REQUESTER_NOT_VERIFIED", "The requester could not be verified"),
            Map.entry("STATUTORY_BAR", "A statute forbids disclosure"),
            Map.entry("THIRD_PARTY_CONFIDENTIALITY", "Confidentiality owed to a third party"),
            Map.entry("WOULD_PREJUDICE_INVESTIGATION", "Disclosure would prejudice an investigation"),
            Map.entry("OTHER", "Other reason (see the rationale)"),
            Map.entry("LINE_MANAGER", "the line manager"),
            Map.entry("NOMINATED_REPRESENTATIVE", "the nominated representative"),
            Map.entry("DATA_PROTECTION_OFFICER", "the data protection officer"),
            Map.entry("SAFEGUARDING_PARTNERSHIP", "the safeguarding partnership (the Children's Trust)"),
            Map.entry("CHILD_PROTECTION_ENQUIRY", "a child protection enquiry"),
            Map.entry("CHILD_IN_NEED_ASSESSMENT", "a child in need assessment"),
            Map.entry("EARLY_HELP_ASSESSMENT", "an early help assessment"),
            Map.entry("TEAM_AROUND_THE_CHILD", "a team around the child"),
            Map.entry("HEALTH_CARE", "health care"),
            Map.entry("EDUCATION_WELFARE", "education welfare"),
            Map.entry("CRIME_PREVENTION", "crime prevention"),
            Map.entry("COMMUNITY_SAFETY_ASSESSMENT", "a community safety assessment"),
            Map.entry("CASE_REVIEW", "a case review"));

    private Words() {
    }

    static String of(String code) {
        return code == null ? null : TEXT.getOrDefault(code, code.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
}
