/**
 * What every web page shares: the signed-in person's header, and the pages for a refused, invalid or missing
 * request (a refusal recorded exactly as the API records it).
 */
package org.sharingledger.projections.pages;
