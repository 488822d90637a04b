package org.sharingledger.selfassessment.api;

/**
 * An agency's answer to one question of a round.
 *
 * @param evidence what shows it (required for {@code PARTLY} and {@code NO}); null when none was given
 */
public record QuestionAnswer(String questionId, SelfAssessmentAnswer answer, String evidence) {}
