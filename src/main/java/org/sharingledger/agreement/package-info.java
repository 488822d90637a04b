/**
 * Information Sharing Protocols between signatories: one aggregate per agreement, from its proposal through each
 * party's signature, its reviews and its termination (also when a party withdraws from the Code).
 */
package org.sharingledger.agreement;
