/**
 * The administrators' pages (the signatories and the users) and everyone's own account page. They send their steps
 * through {@code agency.api.Registry}, {@code access.api.UserAdministration} and {@code access.api.PersonalTokens},
 * the very services the JSON API calls, so each rule is written once.
 */
package org.sharingledger.projections.accounts;
