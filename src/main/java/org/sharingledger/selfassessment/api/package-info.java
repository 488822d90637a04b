/**
 * The language of a self-assessment round: its commands, events and answers, and the service the API and the pages
 * call.
 */
package org.sharingledger.selfassessment.api;
