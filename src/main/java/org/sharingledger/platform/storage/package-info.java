/**
 * Where events live: the embedded or external PostgreSQL, Axon's JDBC event and token stores, and deadlines.
 * Shared infrastructure; no business rules here.
 */
package org.sharingledger.platform.storage;
