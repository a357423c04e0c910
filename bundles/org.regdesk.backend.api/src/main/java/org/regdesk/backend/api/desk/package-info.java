/**
 * The desk API as a channel for a desk operation's own steps: a plug-in operation calls the routes its
 * server bundle serves without a method of its own in the connector.
 */
@Version("1.0.0")
package org.regdesk.backend.api.desk;

import org.osgi.annotation.versioning.Version;
