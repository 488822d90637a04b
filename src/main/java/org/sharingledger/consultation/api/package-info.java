/**
 * The consultations' commands, events and values: what other features (the register, the read side) learn of a
 * consultation and of the adoption of a new version of the Code.
 */
package org.sharingledger.consultation.api;
