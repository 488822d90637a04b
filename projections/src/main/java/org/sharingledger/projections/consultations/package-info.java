/**
 * The consultations on new versions of the Code ({@code consultation_view} and its tables): the JSON API's reads, the
 * pages of the Trust and of the nominated representatives, and the {@code ConsultationDirectory} the write side asks.
 */
package org.sharingledger.projections.consultations;
