package org.sharingledger.consultation.api;

/** What the consultations' rules ask of the read side, consistent with the events already committed. */
public interface ConsultationDirectory {

    /** Whether a version was adopted already, or is (or was) consulted on. */
    boolean codeVersionTaken(String codeVersion);
}
