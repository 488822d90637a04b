package org.sharingledger.agency.api;

/** The person each signatory names as its contact for information sharing. */
public record NominatedRepresentative(String name, String email) {}
