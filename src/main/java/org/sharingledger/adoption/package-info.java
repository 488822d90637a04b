/**
 * The register acting on the adoption of a new version of the Code of Practice: the agencies that stay move to it, those
 * that answered WITHDRAW are withdrawn. Apart from {@code agency} because {@code consultation} reads the register.
 */
package org.sharingledger.adoption;
