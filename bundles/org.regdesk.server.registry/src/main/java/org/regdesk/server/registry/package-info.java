/**
 * What the registry core offers beyond the desk API ({@link org.regdesk.server.desk}): the citizen's
 * side for the portal ({@link org.regdesk.server.registry.CitizenRegistry}).
 */
@Version("2.0.0")
package org.regdesk.server.registry;

import org.osgi.annotation.versioning.Version;
