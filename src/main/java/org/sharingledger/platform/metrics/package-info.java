/**
 * What the operators' metrics share: figures read from the database once per scrape, however many gauges show them.
 * No business rules here.
 */
package org.sharingledger.platform.metrics;
