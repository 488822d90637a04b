/**
 * The shared language of a broken rule: invalid input (400), a step the current state does not allow (409), an actor
 * not permitted (403), an unknown thing (404). Thrown by aggregates and services; turned into problem details by the web.
 */
package org.sharingledger.platform.rules;
