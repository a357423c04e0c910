/**
 * The HTTP side of desk operations: desk routes under {@code /api/v1} that find the actor from the
 * desk certificate and bearer token, run one request in one transaction, and turn a domain
 * {@link org.regdesk.server.desk.Refusal} into a problem-details answer with the matching status.
 */
@Version("2.0.0")
package org.regdesk.server.desk.http;

import org.osgi.annotation.versioning.Version;
