/**
 * Access: user accounts and their roles (as events), passwords and personal access tokens (hashed, in tables only),
 * authentication, and the recording of every denied attempt.
 */
package org.sharingledger.access;
