/**
 * The certificate status operation's desk API ({@code CERTIFICATE_STATUS} sessions): the citizen's
 * certificates and the changes a desk may make. Paths, relative to {@code /api/v1}:
 * {@code desk-sessions/<id>/certificates} (GET), {@code .../certificates/<serial>/suspend},
 * {@code .../resume}, {@code .../revoke} (POST). Statuses and reasons are codes; desks translate them.
 */
@Version("1.0.0")
package org.regdesk.backend.certificates;

import org.osgi.annotation.versioning.Version;
