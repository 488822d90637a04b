/**
 * Java deserialization, refused JVM-wide: nothing the ledger reads from outside may become objects of the reader's
 * choosing. Installed first thing at start, before any library can read a stream.
 */
package org.sharingledger.platform.serialization;
