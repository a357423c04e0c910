/** The registry connector's part for certificate applications. */
@Version("1.0.0")
package org.regdesk.backend.api.applications;

import org.osgi.annotation.versioning.Version;
