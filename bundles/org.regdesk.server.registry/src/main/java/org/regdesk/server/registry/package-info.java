/** The registry's rules ({@link org.regdesk.server.registry.Registry}) and the desk API routes over them. */
@Version("1.0.0")
package org.regdesk.server.registry;

import org.osgi.annotation.versioning.Version;
