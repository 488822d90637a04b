/**
 * Notifications' events, commands and values, and the facts they need from the read side (agencies' addresses, a
 * request's urgency and due time).
 */
package org.sharingledger.notification.api;
