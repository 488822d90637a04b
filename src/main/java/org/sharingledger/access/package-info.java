/**
 * Access: user accounts, their roles and status (as events), passwords and personal access tokens (hashed, in tables only),
 * authentication, and the recording of every denied attempt.
 */
package org.sharingledger.access;
