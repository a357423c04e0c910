/**
 * What the workstation knows about its registry backend. A CA that runs its own backend provides
 * these services from its own connector bundle.
 */
@Version("2.0.0")
package org.regdesk.backend.api;

import org.osgi.annotation.versioning.Version;
