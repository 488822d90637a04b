package org.sharingledger.selfassessment.api;

/**
 * One question of a round, as the Trust asked it.
 *
 * @param id   how a return names it (unique in its round, e.g. {@code q1})
 * @param text the question
 */
public record Question(String id, String text) {}
