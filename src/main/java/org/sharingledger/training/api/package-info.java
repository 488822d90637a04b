/**
 * The language of training records: the courses, the event that records an attendance, and the question other
 * features ask (is this user accredited on that day).
 */
package org.sharingledger.training.api;
