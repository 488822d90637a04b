/**
 * Training and accreditation of the signatories' staff: who attended which course when, imported one by one or a
 * whole file at once, and whether a user holds the online course that accredits them to decide.
 */
package org.sharingledger.training;
