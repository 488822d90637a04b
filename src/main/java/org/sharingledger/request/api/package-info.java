/**
 * The language of a sharing request: its commands, the events that record each step, and their values. Events are
 * stored for ever: change them only by adding a new revision and an upcaster.
 */
package org.sharingledger.request.api;
