/**
 * The HTTP edge shared by every feature: problem details, correlation ids, one transaction per recording request,
 * idempotency keys, and command metrics. No business rules here.
 */
package org.sharingledger.platform.web;
